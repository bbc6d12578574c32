package com.clinicsuite.events.imports;

import com.clinicsuite.vocabulary.ImportMode;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;

/**
 * One chunk of a clinic spreadsheet import's validated rows. A large sheet does not fit one Kafka message,
 * so the rows travel in chunks keyed by import id; the consumer applies the import only once it holds
 * all {@code chunkCount} chunks, in one transaction. The sender publishes chunks while it is still reading the file:
 * until the last chunk, {@code chunkCount} and {@code totalRows} are 0 ("not known yet"); the last chunk carries
 * both. An import that ends without its last chunk is called off by a {@link CreditImportAborted}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreditRowsChunk(
        String importId,
        ImportMode mode,
        String requestedBy,
        int chunkIndex,
        int chunkCount,
        int totalRows,
        List<Row> rows) {

    /**
     * A validated, normalised row. {@code sourceRow} is the 1-based row of the sheet it came from. Its texts are
     * bounded (credit-balance-service's column sizes; a sheet name as Excel allows it): the sender rejects a row with
     * a longer value, so a chunk has a known maximum size.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Row(
            int sourceRow,
            String sheet,
            String clientCode,
            String clientName,
            String phoneNo,
            String emailId,
            String treatmentName,
            String center,
            String finalBucket,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal packageAmount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountPaid,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balanceAmount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal prepaidGiftCardBalance,
            int sessionsPaid,
            int sessionsConsumed,
            int balanceSessions) {

        /** Excel's own limit for a sheet name; longer names (only a hand-made file has them) are cut. */
        public static final int MAX_SHEET_LENGTH = 31;

        public static final int MAX_CLIENT_CODE_LENGTH = 50;
        public static final int MAX_CLIENT_NAME_LENGTH = 200;
        public static final int MAX_PHONE_NO_LENGTH = 20;
        public static final int MAX_EMAIL_ID_LENGTH = 500;
        public static final int MAX_TREATMENT_NAME_LENGTH = 200;
        public static final int MAX_CENTER_LENGTH = 30;
        public static final int MAX_FINAL_BUCKET_LENGTH = 100;
    }
}
