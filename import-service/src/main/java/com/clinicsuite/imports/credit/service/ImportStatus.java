package com.clinicsuite.imports.credit.service;

import java.util.Locale;

/** Where an import job is: the contract's {@code queued, parsing, applying, completed, failed}. */
public enum ImportStatus {
    QUEUED,
    PARSING,
    APPLYING,
    COMPLETED,
    FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static boolean isFinished(String status) {
        return COMPLETED.value().equals(status) || FAILED.value().equals(status);
    }
}
