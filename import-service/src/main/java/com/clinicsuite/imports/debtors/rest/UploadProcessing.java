package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.vocabulary.ReportStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

/** 202: the report was handed over but not applied within the wait; {@code report_id} is null until it is. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UploadProcessing(Long reportId, String uploadId, ReportStatus status) {

    static UploadProcessing of(String uploadId) {
        return new UploadProcessing(null, uploadId, ReportStatus.PROCESSING);
    }
}
