package com.clinicsuite.vocabulary.persistence;

import com.clinicsuite.vocabulary.ImportStatus;
import jakarta.persistence.Converter;

/** A {@link ImportStatus} column holds its code. */
@Converter
public class ImportStatusConverter extends CodedConverter<ImportStatus> {

    public ImportStatusConverter() {
        super(ImportStatus.class);
    }
}
