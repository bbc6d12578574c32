package com.clinicsuite.imports.debtors.pdf;

import com.clinicsuite.imports.credit.sheet.SheetLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        return check(parser.parse(pdf));
    }

    /**
     * A PDF or a spreadsheet (.xlsx, .xls, .csv, told apart by content) age analysis, checked alike. A file that is
     * neither is refused as {@code NOT_A_PDF}.
     */
    public ParsedReport read(byte[] content, String filename) throws ReportRejectedException {
        return read(content, filename, ColumnMap.NONE);
    }

    /** As {@link #read(byte[], String)}, with an explicit column map consulted before the heading vocabulary. */
    public ParsedReport read(byte[] content, String filename, ColumnMap columnMap) throws ReportRejectedException {
        if (PdfTextLayer.looksLikePdf(content)) {
            return check(parser.parse(content, columnMap));
        }
        Path file = null;
        try {
            file = Files.createTempFile("debtor-sheet-", ".upload");
            Files.write(file, content);
            Path sheet = file;
            return check(parser.parse(
                    sink -> SheetLines.read(sheet, filename, SheetLimits.DEFAULT, columnMap, sink), columnMap));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temp file left behind is removed with the temp directory
                }
            }
        }
    }

    private static ParsedReport check(ParsedReport report) throws ReportRejectedException {
        AccountFieldLimits.check(report);
        ReportReconciliation.check(report);
        return report;
    }
}
