package com.clinicsuite.imports.debtors.pdf;

/** Parses a report and reconciles it with its own totals: what an import needs before it accepts a file. */
public final class DebtorReportReader {

    private final DebtorReportParser parser;

    public DebtorReportReader(MedicalAidControlDetector controlAccounts) {
        this.parser = new DebtorReportParser(controlAccounts);
    }

    /** The checked report, or {@link ReportRejectedException} saying why it cannot be imported. */
    public ParsedReport read(byte[] pdf) throws ReportRejectedException {
        ParsedReport report = parser.parse(pdf);
        ReportReconciliation.check(report);
        return report;
    }
}
