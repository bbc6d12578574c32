package com.clinicsuite.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP + IMAP server (GreenMail), one per test JVM, on random loopback ports. */
public final class MailServer {

    private static MailServer instance;

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private MailServer() {
        smtpPort = FreePorts.next();
        imapPort = FreePorts.next();
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.start();
    }

    public static synchronized MailServer get() {
        if (instance == null) {
            instance = new MailServer();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.greenMail::stop, "greenmail-stop"));
        }
        return instance;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }
}
