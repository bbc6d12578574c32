package com.clinicsuite.imports.debtors.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.imports.debtors.pdf.AgeingAmounts;
import com.clinicsuite.imports.debtors.pdf.ParsedAccount;
import com.clinicsuite.imports.debtors.pdf.ParsedReport;
import com.clinicsuite.imports.service.ChunkBudget;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Report chunks are cut by account count and by JSON size, whichever comes first; no account is lost or moved. */
class ReportChunkerTest {

    /** As Quarkus configures the mapper the outbox writes events with. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final long MAX_BYTES = 900 * 1024;

    @Test
    void accountsWithTheLongestTextsAllowedAreCutBySizeBeforeTheCountIsReached() throws Exception {
        // 200-character names of two-byte letters, 320-character e-mails, 10 phones of 40: ~1.7 KB of JSON each
        List<ParsedAccount> accounts = IntStream.range(0, 1_000)
                .mapToObj(i -> account(
                        "%06d".formatted(i),
                        "É".repeat(DebtorReportChunk.Account.MAX_NAME_LENGTH),
                        "e".repeat(DebtorReportChunk.Account.MAX_EMAIL_LENGTH - 12) + "@mail.test",
                        "0".repeat(DebtorReportChunk.Account.MAX_PHONE_LENGTH)))
                .toList();

        List<DebtorReportChunk> chunks = chunks(accounts);

        assertThat(chunks).hasSizeGreaterThanOrEqualTo(2);
        List<String> accNos = new ArrayList<>();
        for (DebtorReportChunk chunk : chunks) {
            byte[] json = JSON.writeValueAsBytes(chunk);
            assertThat(json.length).as("chunk %d", chunk.chunkIndex()).isLessThanOrEqualTo((int) MAX_BYTES);
            assertThat(chunk.chunkCount()).isEqualTo(chunks.size());
            assertThat(chunk.accountCount()).isEqualTo(1_000);
            chunk.accounts().forEach(a -> accNos.add(a.accNo()));
        }
        assertThat(chunks)
                .extracting(DebtorReportChunk::chunkIndex)
                .containsExactlyElementsOf(
                        IntStream.range(0, chunks.size()).boxed().toList());
        assertThat(accNos)
                .containsExactlyElementsOf(
                        accounts.stream().map(ParsedAccount::accNo).toList());
        // and the largest chunk is close to the budget: it is cut by size, not by a guess
        assertThat(JSON.writeValueAsBytes(chunks.get(0)).length).isGreaterThan((int) (MAX_BYTES * 0.95));
    }

    @Test
    void shortAccountsAreCutByCount() {
        List<ParsedAccount> accounts = IntStream.range(0, 2_500)
                .mapToObj(i -> account("%06d".formatted(i), "MR A NAME", null, "0821234567"))
                .toList();
        assertThat(chunks(accounts))
                .extracting(chunk -> chunk.accounts().size())
                .containsExactly(1_000, 1_000, 500);
    }

    @Test
    void aReportWithoutAccountsIsOneEmptyChunk() {
        assertThat(chunks(List.of())).singleElement().satisfies(chunk -> {
            assertThat(chunk.accounts()).isEmpty();
            assertThat(chunk.chunkCount()).isEqualTo(1);
        });
    }

    private static List<DebtorReportChunk> chunks(List<ParsedAccount> accounts) {
        ParsedReport report = new ParsedReport(
                "Test Pharmacy", LocalDate.of(2025, 1, 31), null, null, AgeingAmounts.ZERO, accounts, 1);
        return ReportChunker.chunks(
                "report-1",
                ImportRequest.upload(7, "report.pdf", new byte[0], 1L, "tester"),
                "a".repeat(64),
                Instant.parse("2025-02-01T10:00:00Z"),
                report,
                new ChunkBudget(JSON, 1_000, MAX_BYTES));
    }

    private static ParsedAccount account(String accNo, String name, String email, String phone) {
        List<String> phones = email == null ? List.of(phone) : java.util.Collections.nCopies(10, phone);
        return new ParsedAccount(
                accNo,
                name,
                new AgeingAmounts(
                        new BigDecimal("1.00"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        new BigDecimal("1.00")),
                email,
                phone,
                phones,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false);
    }
}
