package com.clinicsuite.imports.debtors.pdf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser meets whatever users upload: on any input it answers a report or a {@link ReportRejectedException},
 * never another exception. Under {@code mvn test} the fuzz tests run in regression mode over the seeds in
 * {@code DebtorReportFuzzTestInputs/} (reports and a non-PDF); {@code JAZZER_FUZZ=1} mutates them for real. The
 * seed reports are the test kit's small fixtures, made with {@code deploy/local/fixture l1 --preset small}, {@code l2
 * --preset small}, {@code l3}, {@code l4} and {@code deb013 --preset small}; {@code deb013_page.txt} is that report's first page as its text
 * layer reads (blank lines dropped, apostrophes as U+2019).
 */
class DebtorReportFuzzTest {

    private static final DebtorReportReader READER = new DebtorReportReader(MedicalAidControlDetector.withDefaults());
    private static final DebtorReportParser PARSER = new DebtorReportParser(MedicalAidControlDetector.withDefaults());

    /** Whole files: PDF structure, text extraction and everything after it. */
    @FuzzTest(maxDuration = "30s")
    void fuzzPdf(byte[] file) {
        try {
            READER.read(file);
        } catch (ReportRejectedException expected) {
            // the parser's own refusal is a correct answer to a bad file
        }
    }

    /**
     * Spreadsheet uploads (issue 24): any bytes named as a workbook or CSV go through the content sniffing, the
     * streaming sheet readers and the same line reader. Seeds: the test kit's {@code l6} (.xlsx) and {@code l7}
     * (.csv) small fixtures.
     */
    @FuzzTest(maxDuration = "30s")
    void fuzzSheet(byte[] file) {
        try {
            READER.read(file, "report.csv"); // workbooks are told by content; the name only admits CSV text
        } catch (ReportRejectedException expected) {
            // refusing nonsense is the right answer
        }
    }

    /**
     * The text side alone, where mutations of whole PDFs rarely reach: lines of tokens in arbitrary cells and
     * positions, so layout detection, amount readings and glued names see hostile text.
     */
    @FuzzTest(maxDuration = "30s")
    void fuzzLines(FuzzedDataProvider data) {
        List<List<TextLine>> pages = new ArrayList<>();
        List<TextLine> page = new ArrayList<>();
        pages.add(page);
        String text = data.consumeRemainingAsString();
        int cell = 0;
        for (String raw : text.split("\n", -1)) {
            if (raw.equals("\f")) {
                page = new ArrayList<>();
                pages.add(page);
                continue;
            }
            List<TextToken> tokens = new ArrayList<>();
            float x = 0;
            for (String word : raw.split(" +")) {
                if (!word.isEmpty()) {
                    tokens.add(
                            new TextToken(word, x, x + word.length() * 4.2f, word.length() % 3 == 0 ? ++cell : cell));
                }
                x += (word.length() + 1) * 4.2f;
            }
            if (!tokens.isEmpty()) {
                page.add(new TextLine(tokens));
            }
        }
        try {
            ReportReconciliation.check(PARSER.parseLines(pages));
        } catch (ReportRejectedException expected) {
            // refusing nonsense is the right answer
        }
    }
}
