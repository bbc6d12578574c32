package com.clinicsuite.auth.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The caller's address for login throttling. Behind the gateway, Quarkus takes it from X-Forwarded-For when the
 * peer is a trusted proxy ({@code quarkus.http.proxy.*}).
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.hostAddress() != null ? address.hostAddress() : address.host();
    }
}
