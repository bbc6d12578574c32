package com.clinicsuite.imports.debtors.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The IMAP mailbox pharmacies e-mail their reports to: {@code import.mailbox.*}. */
@ConfigMapping(prefix = "import.mailbox")
public interface MailboxConfig {

    @WithDefault("false")
    boolean enabled();

    /** Time between polls (the scheduler reads it too). */
    @WithDefault("5h")
    Duration interval();

    /** Time from start to the first poll. */
    @WithDefault("1m")
    Duration initialDelay();

    /** {@code imaps} (TLS) in production; {@code imap} for local servers. */
    @WithDefault("imaps")
    String protocol();

    Optional<String> host();

    Optional<Integer> port();

    Optional<String> username();

    /** From the environment / a secret (IMPORT_MAILBOX_PASSWORD); never logged. */
    Optional<String> password();

    /** The folder read for new reports. */
    @WithDefault("INBOX")
    String folder();

    /** Where handled messages are moved, so none is imported twice. */
    @WithDefault("Processed")
    String processedFolder();

    /**
     * Where messages that imported nothing because of the message itself are moved: unauthenticated, unmapped,
     * malformed or oversized. Each has a failure record saying why.
     */
    @WithDefault("Quarantine")
    String quarantineFolder();

    /** Sender address (lower case) to pharmacy id: {@code import.mailbox.senders."reports@x.example"=2}. */
    Map<String, Long> senders();

    /** Folder name to pharmacy id, for mailboxes that sort reports into a folder per pharmacy. */
    Map<String, Long> folders();

    /**
     * The mailbox's own address ({@code reports@clinic.example}): secret addresses are its local part, {@code +} and a
     * token, at its domain. Defaults to {@link #username()} when that is an address.
     */
    Optional<String> address();

    /**
     * The authserv-id of the receiving mail server (RFC 8601; the first word of the Authentication-Results fields it
     * adds, e.g. {@code mx.clinic.example}). Only its fields are trusted. Unset: no sender authentication passes.
     */
    Optional<String> authservId();

    /** How a pharmacy's reports must be authenticated when {@link #authentication()} does not name it. */
    @WithDefault("any")
    MailboxAuthentication defaultAuthentication();

    /** Per pharmacy id: {@code import.mailbox.authentication."2"=secret-address} ({@code sender}, {@code any}). */
    Map<String, MailboxAuthentication> authentication();

    /** A larger message is quarantined without being downloaded (a 25 MB PDF is ~34 MB as an attachment). */
    @WithDefault("40M")
    MemorySize maxMessageSize();

    /** A message with more PDF attachments is quarantined. */
    @WithDefault("10")
    int maxAttachments();

    /** IMAP connect timeout. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** IMAP read timeout: a server that stops answering mid-poll ends the poll instead of hanging it. */
    @WithDefault("60s")
    Duration readTimeout();
}
