package com.clinicsuite.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a debtor report reached import-service: uploaded over HTTP, or read from the reports mailbox. */
public enum ReportSource implements Coded {
    UPLOAD("upload"),
    MAILBOX("mailbox");

    private final String code;

    ReportSource(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static ReportSource fromCode(String code) {
        return Coded.fromCode(ReportSource.class, code);
    }
}
