package com.clinicsuite.vocabulary.persistence;

import com.clinicsuite.vocabulary.ImportMode;
import jakarta.persistence.Converter;

/** A {@link ImportMode} column holds its code. */
@Converter
public class ImportModeConverter extends CodedConverter<ImportMode> {

    public ImportModeConverter() {
        super(ImportMode.class);
    }
}
