package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.imports.debtors.pdf.AgeingAmounts;
import com.clinicsuite.imports.debtors.pdf.ParsedAccount;
import com.clinicsuite.imports.debtors.pdf.ParsedReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Cuts a parsed report into DebtorReportChunk events, repeating the header fields in every chunk. */
final class ReportChunker {

    private ReportChunker() {}

    static List<DebtorReportChunk> chunks(
            String reportId,
            ImportRequest request,
            String sha256,
            Instant receivedAt,
            ParsedReport report,
            int accountsPerChunk) {
        List<ParsedAccount> accounts = report.accounts();
        int chunkCount = Math.max(1, (accounts.size() + accountsPerChunk - 1) / accountsPerChunk);
        DebtorReportChunk.Amounts totals = amounts(report.printedTotals());
        List<DebtorReportChunk> chunks = new ArrayList<>(chunkCount);
        for (int index = 0; index < chunkCount; index++) {
            List<DebtorReportChunk.Account> slice = accounts
                    .subList(index * accountsPerChunk, Math.min(accounts.size(), (index + 1) * accountsPerChunk))
                    .stream()
                    .map(ReportChunker::account)
                    .toList();
            chunks.add(new DebtorReportChunk(
                    reportId,
                    request.pharmacyId(),
                    request.filename(),
                    sha256,
                    request.source().value(),
                    request.uploadedBy(),
                    request.uploadedByName(),
                    receivedAt,
                    report.reportDate(),
                    accounts.size(),
                    totals,
                    index,
                    chunkCount,
                    slice));
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
