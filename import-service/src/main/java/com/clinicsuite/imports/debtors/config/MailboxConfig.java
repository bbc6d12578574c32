package com.clinicsuite.imports.debtors.config;

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

    /** Sender address (lower case) to pharmacy id: {@code import.mailbox.senders."reports@x.example"=2}. */
    Map<String, Long> senders();

    /** Folder name to pharmacy id, for mailboxes that sort reports into a folder per pharmacy. */
    Map<String, Long> folders();
}
