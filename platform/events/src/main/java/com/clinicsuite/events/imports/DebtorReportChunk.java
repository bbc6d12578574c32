package com.clinicsuite.events.imports;

import com.clinicsuite.vocabulary.ReportSource;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One chunk of a parsed debtors age-analysis report. Reports reach 50,000 accounts, far more than one
 * Kafka message holds, so accounts travel in chunks keyed by pharmacy id (order per pharmacy holds).
 * The consumer replaces the pharmacy's debtors only when it holds every chunk of the report.
 * Header fields ({@code filename}, {@code totals} ...) are repeated in every chunk so any chunk is
 * self-describing.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DebtorReportChunk(
        String reportId,
        long pharmacyId,
        String filename,
        String fileSha256,
        ReportSource source,
        Long uploadedBy,
        String uploadedByName,
        Instant uploadedAt,
        LocalDate reportDate,
        int accountCount,
        Amounts totals,
        int chunkIndex,
        int chunkCount,
        List<Account> accounts) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Amounts(
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal current,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d30,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d60,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d90,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d120,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d150,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d180,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance) {}

    /**
     * One account. Its texts are bounded (the sizes debtor-service stores); the sender refuses a report with a longer
     * value rather than send it, so a chunk of {@code chunk_count} accounts has a known maximum size.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Account(
            String accNo,
            String name,
            Amounts amounts,
            String email,
            String phone,
            List<String> phones,
            boolean isMedicalAidControl,
            LocalDate lastPaymentDate,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lastPaymentAmount,
            String terms,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal creditLimit) {

        public static final int MAX_ACC_NO_LENGTH = 32;
        public static final int MAX_NAME_LENGTH = 200;
        public static final int MAX_EMAIL_LENGTH = 320;
        /** Each of {@code phone} and {@code phones}. */
        public static final int MAX_PHONE_LENGTH = 40;

        public static final int MAX_PHONES = 10;
        public static final int MAX_TERMS_LENGTH = 20;
    }
}
