package com.clinicsuite.vocabulary.persistence;

import com.clinicsuite.vocabulary.ReportSource;
import jakarta.persistence.Converter;

/** A {@link ReportSource} column holds its code. */
@Converter
public class ReportSourceConverter extends CodedConverter<ReportSource> {

    public ReportSourceConverter() {
        super(ReportSource.class);
    }
}
