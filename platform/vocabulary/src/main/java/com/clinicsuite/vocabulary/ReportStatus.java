package com.clinicsuite.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a debtor report is: import-service's upload record and debtor-service's report row start
 * {@link #PROCESSING}; debtor-service's {@code debtors.report-processed.v1} says {@link #COMPLETED} or {@link #FAILED}.
 */
public enum ReportStatus implements Coded {
    PROCESSING("processing"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String code;

    ReportStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static ReportStatus fromCode(String code) {
        return Coded.fromCode(ReportStatus.class, code);
    }
}
