package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.imports.debtors.pdf.AgeingAmounts;
import com.clinicsuite.imports.debtors.pdf.ParsedAccount;
import com.clinicsuite.imports.debtors.pdf.ParsedReport;
import com.clinicsuite.imports.service.ChunkBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Cuts a parsed report into DebtorReportChunk events, repeating the header fields in every chunk. A chunk holds up
 * to the configured number of accounts, fewer when their JSON would pass the configured size.
 */
final class ReportChunker {

    private ReportChunker() {}

    static List<DebtorReportChunk> chunks(
            String reportId,
            ImportRequest request,
            String sha256,
            Instant receivedAt,
            ParsedReport report,
            ChunkBudget budget) {
        DebtorReportChunk.Amounts totals = amounts(report.printedTotals());
        int accountCount = report.accounts().size();
        IntFunction<DebtorReportChunk> header = index -> new DebtorReportChunk(
                reportId,
                request.pharmacyId(),
                request.filename(),
                sha256,
                request.source(),
                request.uploadedBy(),
                request.uploadedByName(),
                receivedAt,
                report.reportDate(),
                accountCount,
                totals,
                index,
                index,
                List.of());
        List<List<DebtorReportChunk.Account>> slices = new ArrayList<>();
        List<DebtorReportChunk.Account> slice = new ArrayList<>();
        budget.start(header.apply(0));
        for (ParsedAccount parsed : report.accounts()) {
            DebtorReportChunk.Account account = account(parsed);
            if (!budget.add(account)) {
                slices.add(slice);
                slice = new ArrayList<>();
                budget.start(header.apply(slices.size()));
                budget.add(account);
            }
            slice.add(account);
        }
        slices.add(slice); // a report without accounts is still one chunk
        List<DebtorReportChunk> chunks = new ArrayList<>(slices.size());
        for (int index = 0; index < slices.size(); index++) {
            chunks.add(new DebtorReportChunk(
                    reportId,
                    request.pharmacyId(),
                    request.filename(),
                    sha256,
                    request.source(),
                    request.uploadedBy(),
                    request.uploadedByName(),
                    receivedAt,
                    report.reportDate(),
                    accountCount,
                    totals,
                    index,
                    slices.size(),
                    List.copyOf(slices.get(index))));
        }
        return chunks;
    }

    private static DebtorReportChunk.Account account(ParsedAccount a) {
        return new DebtorReportChunk.Account(
                a.accNo(),
                a.name(),
                amounts(a.amounts()),
                a.email(),
                a.phone(),
                a.phones(),
                a.medicalAidControl(),
                a.lastPaymentDate(),
                a.lastPaymentAmount(),
                a.terms(),
                a.creditLimit());
    }

    private static DebtorReportChunk.Amounts amounts(AgeingAmounts a) {
        return new DebtorReportChunk.Amounts(
                a.current(), a.d30(), a.d60(), a.d90(), a.d120(), a.d150(), a.d180(), a.balance());
    }
}
