package com.clinicsuite.imports.debtors.pdf;

/**
 * Parses a report, checks that every account fits what the report's events carry, and reconciles it with its own
 * totals: what an import needs before it accepts a file.
 */
public final class DebtorReportReader {

    private final DebtorReportParser parser;

    public DebtorReportReader(MedicalAidControlDetector controlAccounts) {
        this(controlAccounts, PdfLimits.DEFAULT);
    }

    public DebtorReportReader(MedicalAidControlDetector controlAccounts, PdfLimits limits) {
        this.parser = new DebtorReportParser(controlAccounts, limits);
    }

    /** The checked report, or {@link ReportRejectedException} saying why it cannot be imported. */
    public ParsedReport read(byte[] pdf) throws ReportRejectedException {
        ParsedReport report = parser.parse(pdf);
        AccountFieldLimits.check(report);
        ReportReconciliation.check(report);
        return report;
    }
}
