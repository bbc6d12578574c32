package com.clinicsuite.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a credit spreadsheet import is. import-service's job (the contract's {@code GET /imports/{id}}) goes
 * {@link #QUEUED} → {@link #PARSING} → {@link #APPLYING} → {@link #COMPLETED} or {@link #FAILED}; credit-balance-service
 * holds an import {@link #STAGED} while its chunks arrive, then reports {@link #APPLYING}, {@link #COMPLETED} or
 * {@link #FAILED} in {@code credit.import-result.v1} (the only three the event carries).
 */
public enum ImportStatus implements Coded {
    QUEUED("queued"),
    PARSING("parsing"),
    /** credit-balance-service only: chunks are arriving; never shown or sent. */
    STAGED("staged"),
    APPLYING("applying"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String code;

    ImportStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /** Completed or failed: nothing changes the import any more. */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }

    @JsonCreator
    public static ImportStatus fromCode(String code) {
        return Coded.fromCode(ImportStatus.class, code);
    }
}
