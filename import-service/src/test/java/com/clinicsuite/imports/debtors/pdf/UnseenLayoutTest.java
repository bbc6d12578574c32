package com.clinicsuite.imports.debtors.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layouts that are in no fixture: columns come from the headings and the numbers, not from known offsets. */
class UnseenLayoutTest {

    private final DebtorReportParser parser = new DebtorReportParser(MedicalAidControlDetector.withDefaults());

    @Test
    void fewerBucketsRandPrefixesAndParenthesesNegatives() throws Exception {
        ParsedReport report = parser.parseLines(List.of(lines(
                "Karoo Apteek",
                "Age analysis as at 31/01/2025",
                "Account Debtor Current 30 Days 60 Days 90+ Days Total",
                "A-17 Mr P. Pienaar R1,200.00 R300.50 R0.00 R(50.00) R1,450.50",
                "Cell: 082 555 0101 E-mail: P.Pienaar@Example.com",
                "A-18 TOTAL SPORTS CC R0.00 R0.00 R0.00 R99.99 R99.99",
                "Grand total 2 accounts R1,200.00 R300.50 R0.00 R49.99 R1,550.49")));

        ReportReconciliation.check(report);
        assertEquals("Karoo Apteek", report.pharmacyName());
        assertEquals(2, report.accounts().size());
        ParsedAccount first = report.accounts().get(0);
        assertEquals("Mr P. Pienaar", first.name());
        assertEquals(new BigDecimal("-50.00"), first.amounts().d90());
        assertEquals(new BigDecimal("1450.50"), first.amounts().balance());
        assertEquals("082 555 0101", first.phone());
        assertEquals("p.pienaar@example.com", first.email());
        assertEquals("TOTAL SPORTS CC", report.accounts().get(1).name());
    }

    @Test
    void aNameEndingInADigitNextToSpaceGroupedAmountsIsSettledByTheBalance() throws Exception {
        ParsedReport report = parser.parseLines(List.of(lines(
                "ACC NAME CURRENT 30 60 90 120 150 180 BALANCE",
                "000123 FARM PLOT 9 123.45 0.00 0.00 0.00 0.00 0.00 0.00 123.45",
                "TOTALS 123.45 0.00 0.00 0.00 0.00 0.00 0.00 123.45")));

        ReportReconciliation.check(report);
        assertEquals("FARM PLOT 9", report.accounts().get(0).name());
        assertEquals(
                new BigDecimal("123.45"), report.accounts().get(0).amounts().current());
    }

    @Test
    void aReportWithoutColumnHeadingsIsNotAnAgeAnalysis() {
        ReportRejectedException e = assertThrows(
                ReportRejectedException.class,
                () -> parser.parseLines(List.of(lines("Invoice 42", "Total due 100.00"))));
        assertTrue(e.getMessage().contains("not a debtors age analysis"), e.getMessage());
    }

    /** One page of fixed-width lines, each drawn as one cell (like a text report turned into PDF). */
    private static List<TextLine> lines(String... texts) {
        List<TextLine> lines = new ArrayList<>();
        int cell = 0;
        for (String text : texts) {
            cell++;
            List<TextToken> tokens = new ArrayList<>();
            int column = 0;
            for (String word : text.split(" ")) {
                tokens.add(new TextToken(word, column * 4.2f, (column + word.length()) * 4.2f, cell));
                column += word.length() + 1;
            }
            lines.add(new TextLine(tokens));
        }
        return lines;
    }
}
