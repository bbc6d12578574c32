package com.clinicsuite.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a credit spreadsheet import changes the data. {@link #REPLACE}: the sheet becomes the whole data set,
 * atomically; {@link #UPSERT}: rows are matched on client code + treatment name + center and inserted or updated, the
 * others stay.
 */
public enum ImportMode implements Coded {
    REPLACE("replace"),
    UPSERT("upsert");

    private final String code;

    ImportMode(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static ImportMode fromCode(String code) {
        return Coded.fromCode(ImportMode.class, code);
    }
}
