package com.clinicsuite.imports.debtors.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clinicsuite.imports.debtors.pdf.ReportRejectedException.Reason;
import com.clinicsuite.testkit.fixtures.AgeAnalysisReport;
import com.clinicsuite.testkit.fixtures.Deb013Report;
import com.clinicsuite.testkit.fixtures.Fixture;
import org.junit.jupiter.api.Test;

/** Every bad fixture is refused with its documented reason and a message the uploader can act on. */
class DebtorReportRejectionTest {

    private final DebtorReportReader reader = new DebtorReportReader(MedicalAidControlDetector.withDefaults());

    @Test
    void notAPdf() throws Exception {
        ReportRejectedException e = reject("debtors/bad/bad_not_a_pdf.pdf");
        assertEquals(Reason.NOT_A_PDF, e.reason());
        assertTrue(e.getMessage().contains("not a PDF"), e.getMessage());
    }

    @Test
    void truncated() throws Exception {
        ReportRejectedException e = reject("debtors/bad/bad_truncated.pdf");
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
    }

    @Test
    void encrypted() throws Exception {
        ReportRejectedException e = reject("debtors/bad/bad_encrypted.pdf");
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("encrypted with a password"), e.getMessage());
    }

    @Test
    void scannedImageOnly() throws Exception {
        ReportRejectedException e = reject("debtors/bad/bad_scanned_image_only.pdf");
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("no text layer"), e.getMessage());
        assertTrue(e.getMessage().contains("Scanned reports are not supported"), e.getMessage());
        assertTrue(
                e.getMessage().contains("export the debtors age analysis as PDF from the dispensing system"),
                e.getMessage());
    }

    @Test
    void headerOnly() throws Exception {
        ReportRejectedException e = reject("debtors/bad/bad_no_accounts.pdf");
        assertEquals(Reason.INVALID_CONTENT, e.reason());
        assertTrue(e.getMessage().contains("no accounts"), e.getMessage());
    }

    @Test
    void emptyDeb013Report() throws Exception {
        ReportRejectedException e = reject("deb013/empty_report.pdf");
        assertEquals(Reason.INVALID_CONTENT, e.reason());
        assertTrue(e.getMessage().contains("no accounts"), e.getMessage());
    }

    @Test
    void emptyDeb013ReportStillReadsItsHeader() throws Exception {
        Fixture<Deb013Report> empty = GroundTruth.deb013("empty_report");
        ParsedReport report = new DebtorReportParser(MedicalAidControlDetector.withDefaults()).parse(empty.bytes());
        DebtorReportParserGroundTruthTest.assertDeb013Header(empty.truth(), report);
        DebtorReportParserGroundTruthTest.assertAmounts("totals", empty.truth().totals(), report.printedTotals());
        assertEquals(0, report.accounts().size());
    }

    @Test
    void l2TotalsMismatchNamesTheColumnsAndTheDifference() throws Exception {
        AgeAnalysisReport truth =
                GroundTruth.layout("debtors/bad/bad_totals_mismatch.pdf").truth();
        ReportRejectedException e = reject("debtors/bad/bad_totals_mismatch.pdf");
        assertEquals(Reason.INVALID_CONTENT, e.reason());
        assertEquals(
                "The report's printed totals do not match its accounts: "
                        + "60 days differs by 100.00 (printed "
                        + truth.printedTotals().d60().toPlainString()
                        + ", accounts add up to " + truth.totals().d60().toPlainString() + "); "
                        + "Balance differs by 100.00 (printed "
                        + truth.printedTotals().balance().toPlainString()
                        + ", accounts add up to " + truth.totals().balance().toPlainString() + "). "
                        + "The report was not imported. "
                        // what was recognised, so the uploader sees how the columns were read (issue 24)
                        + "Column headings recognised: 'Account Name / Contact details Current 30 Days 60 Days "
                        + "90 Days 120 Days 150 Days 180+ Days Balance' (Name -> name, Current -> Current, "
                        + "30 Days -> 30 days, 60 Days -> 60 days, 90 Days -> 90 days, 120 Days -> 120 days, "
                        + "150 Days -> 150 days, 180+ Days -> 180 days, Balance -> Balance).",
                e.getMessage());
    }

    @Test
    void deb013TotalsMismatchNamesTheColumns() throws Exception {
        ReportRejectedException e = reject("deb013/totals_mismatch.pdf");
        assertEquals(Reason.INVALID_CONTENT, e.reason());
        assertTrue(
                e.getMessage().startsWith("The report's printed totals do not match its accounts: 60 days differs by"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Balance differs by"), e.getMessage());
    }

    @Test
    void garbageAfterAPdfHeaderIsDamagedNotACrash() {
        byte[] garbage = "%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF".getBytes();
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> reader.read(garbage));
        assertEquals(Reason.UNREADABLE, e.reason());
    }

    private ReportRejectedException reject(String fixture) throws Exception {
        byte[] pdf = GroundTruth.pdf(fixture);
        return assertThrows(ReportRejectedException.class, () -> reader.read(pdf));
    }
}
