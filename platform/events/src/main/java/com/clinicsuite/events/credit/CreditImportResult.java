package com.clinicsuite.events.credit;

import com.clinicsuite.vocabulary.ImportStatus;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * credit-balance-service reports progress ({@code status=applying}) and the outcome
 * ({@code completed} or {@code failed}) of applying an import's rows.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreditImportResult(
        String importId,
        ImportStatus status,
        int rowsApplied,
        int inserted,
        int updated,
        int deleted,
        List<RowError> rejected,
        String error) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RowError(int row, String column, String message) {}
}
