package com.clinicsuite.imports.debtors.mailbox;

/** A mailbox message that cannot be read as a report mail: it is quarantined with this message as the reason. */
final class UnreadableMessageException extends Exception {

    UnreadableMessageException(String reason) {
        super(reason, null, false, false);
    }
}
