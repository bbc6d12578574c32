package com.clinicsuite.imports.credit.service;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code replace}: the sheet becomes the whole data set, atomically; {@code upsert}: rows are matched on client
 * code + treatment name + center and inserted or updated, the others stay.
 */
public enum ImportMode {
    REPLACE,
    UPSERT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a request names; {@code replace} when it names none. */
    public static Optional<ImportMode> fromParameter(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return Optional.of(REPLACE);
        }
        try {
            return Optional.of(valueOf(parameter.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
