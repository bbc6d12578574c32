package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.imports.debtors.service.SavedColumnMaps;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A pharmacy's saved column map: heading (as saved: upper case, single spaces) -> field, the same object an upload's
 * {@code column_map} takes; when and by whom (user id) the upload that saved it was made.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ColumnMapView(long pharmacyId, Map<String, String> columnMap, OffsetDateTime updatedAt, Long updatedBy) {

    static ColumnMapView of(SavedColumnMaps.Saved saved) {
        return new ColumnMapView(saved.pharmacyId(), saved.mapping(), saved.updatedAt(), saved.updatedBy());
    }
}
