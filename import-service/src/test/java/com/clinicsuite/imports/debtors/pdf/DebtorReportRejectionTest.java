package com.clinicsuite.imports.debtors.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clinicsuite.imports.debtors.pdf.ReportRejectedException.Reason;
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
        ParsedReport report = new DebtorReportParser(MedicalAidControlDetector.withDefaults())
                .parse(GroundTruth.pdf("deb013/empty_report.pdf"));
        DebtorReportParserGroundTruthTest.assertHeader(GroundTruth.json("deb013/empty_report.pdf"), report);
        DebtorReportParserGroundTruthTest.assertAmounts(
                "totals", GroundTruth.json("deb013/empty_report.pdf").get("totals"), report.printedTotals());
        assertEquals(0, report.accounts().size());
    }

    @Test
    void l2TotalsMismatchNamesTheColumnsAndTheDifference() throws Exception {
        ReportRejectedException e = reject("debtors/bad/bad_totals_mismatch.pdf");
        assertEquals(Reason.INVALID_CONTENT, e.reason());
        assertEquals(
                "The report's printed totals do not match its accounts: "
                        + "60 days differs by 100.00 (printed 103345.90, accounts add up to 103245.90); "
                        + "Balance differs by 100.00 (printed 1046088.63, accounts add up to 1045988.63). "
                        + "The report was not imported.",
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
