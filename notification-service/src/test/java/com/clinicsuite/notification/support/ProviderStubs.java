package com.clinicsuite.notification.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One WireMock server per test JVM standing in for SendGrid and SMSPortal (unreachable from here). It starts when
 * the JUnit launcher session opens, before any Quarkus boot, and publishes its URL as the system property
 * {@code provider-stubs.url}, which the %test profile gives both REST clients. Every test class therefore sees
 * the same configuration and the app boots once. Tests talk to it through {@link #client()} (its HTTP admin
 * API), which works from Quarkus' test class loader too. Stubs are told apart per pharmacy by credentials.
 */
public class ProviderStubs implements LauncherSessionListener {

    private static final String PROPERTY = "provider-stubs.url";
    private static WireMockServer server;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (server == null && System.getProperty(PROPERTY) == null) {
            server = new WireMockServer(
                    WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            System.setProperty(PROPERTY, "http://127.0.0.1:" + server.port());
        }
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** A client for the running stub server's admin API. */
    public static WireMock client() {
        String url = System.getProperty(PROPERTY);
        if (url == null) {
            throw new IllegalStateException("ProviderStubs did not start (is the LauncherSessionListener registered?)");
        }
        int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        return new WireMock("127.0.0.1", port);
    }
}
