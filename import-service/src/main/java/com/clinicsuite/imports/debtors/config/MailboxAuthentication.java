package com.clinicsuite.imports.debtors.config;

/**
 * How a pharmacy's mailed reports must prove where they come from ({@code import.mailbox.authentication."<id>"}).
 * Configured as {@code sender}, {@code secret-address} or {@code any}.
 */
public enum MailboxAuthentication {
    /**
     * From one of the pharmacy's sender addresses, with the receiving server's Authentication-Results showing DKIM, or
     * SPF and DMARC, passing for that address's domain.
     */
    SENDER,
    /** Sent to the pharmacy's secret address ({@code reports+<token>@...}), from any sender. */
    SECRET_ADDRESS,
    /** Either of the two. */
    ANY;

    /** As configured: {@code sender}, {@code secret-address}, {@code any}. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public boolean allowsSender() {
        return this != SECRET_ADDRESS;
    }

    public boolean allowsSecretAddress() {
        return this != SENDER;
    }
}
