package com.clinicsuite.imports.debtors.pdf;

import java.util.List;

/**
 * Parses a debtors age-analysis PDF into its accounts, exactly as printed. It knows no layout by heart: columns
 * come from the heading line and from the numbers themselves (see {@link ColumnLayout}, {@link AccountLineParser}),
 * so the dispensing system's DEB013 report and other writers' layouts read alike. Checking the result against
 * the report's own totals is {@link ReportReconciliation}'s job; {@link DebtorReportReader} does both.
 */
public final class DebtorReportParser {

    private final MedicalAidControlDetector controlAccounts;
    private final PdfLimits limits;

    public DebtorReportParser(MedicalAidControlDetector controlAccounts) {
        this(controlAccounts, PdfLimits.DEFAULT);
    }

    public DebtorReportParser(MedicalAidControlDetector controlAccounts, PdfLimits limits) {
        this.controlAccounts = controlAccounts;
        this.limits = limits;
    }

    /** Hands the lines of a report's pages to a sink; returns the page count (a PDF, a spreadsheet's rows). */
    @FunctionalInterface
    public interface LineSource {
        int read(PdfTextLayer.PageSink sink) throws ReportRejectedException;
    }

    /** Throws {@link ReportRejectedException} for anything that is not a readable report, never anything else. */
    public ParsedReport parse(byte[] pdf) throws ReportRejectedException {
        return parse(sink -> PdfTextLayer.read(pdf, limits, sink));
    }

    /** A PDF with an explicit column map consulted before the heading vocabulary. */
    public ParsedReport parse(byte[] pdf, ColumnMap columnMap) throws ReportRejectedException {
        return parse(sink -> PdfTextLayer.read(pdf, limits, sink), columnMap);
    }

    /** The report from any source of lines: the same reading for PDFs and spreadsheets. */
    public ParsedReport parse(LineSource source) throws ReportRejectedException {
        return parse(source, ColumnMap.NONE);
    }

    /** As {@link #parse(LineSource)}, with an explicit column map consulted before the heading vocabulary. */
    public ParsedReport parse(LineSource source, ColumnMap columnMap) throws ReportRejectedException {
        ReportAssembler assembler = new ReportAssembler(controlAccounts, columnMap);
        int pages = source.read(assembler::page);
        return assembler.finish(pages);
    }

    /** For tests and tools: the report from lines already extracted. */
    ParsedReport parseLines(List<List<TextLine>> pages) throws ReportRejectedException {
        ReportAssembler assembler = new ReportAssembler(controlAccounts);
        for (int i = 0; i < pages.size(); i++) {
            assembler.page(i + 1, pages.get(i));
        }
        return assembler.finish(pages.size());
    }
}
