package com.clinicsuite.vocabulary.persistence;

import com.clinicsuite.vocabulary.ReportStatus;
import jakarta.persistence.Converter;

/** A {@link ReportStatus} column holds its code. */
@Converter
public class ReportStatusConverter extends CodedConverter<ReportStatus> {

    public ReportStatusConverter() {
        super(ReportStatus.class);
    }
}
