package com.clinicsuite.imports.debtors.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.clinicsuite.imports.debtors.pdf.ReportRejectedException.Reason;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile PDFs, built in the test: each is refused with the documented reason, within the limits, without the memory
 * it asks for. Memory is checked as the bytes this thread allocated while reading (a counter, not a timing): the
 * bombs would allocate gigabytes if PDFBox decoded them unbounded.
 */
class HostilePdfTest {

    private static final long MB = 1024 * 1024;

    private final DebtorReportReader reader = new DebtorReportReader(MedicalAidControlDetector.withDefaults());

    @Test
    void aPageCountBombIsRefusedAsTooLarge() {
        byte[] pdf = HostilePdfs.pageBomb(10_001);
        assertThat(pdf.length).isLessThan(512 * 1024);

        ReportRejectedException e = refused(pdf, 256 * MB);
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertThat(e.getMessage()).contains("more than 10000 pages");
    }

    @Test
    void aPageCountWithinTheLimitIsRead() {
        PdfLimits fivePages = new PdfLimits(
                5,
                PdfLimits.DEFAULT.maxStreamBytes(),
                PdfLimits.DEFAULT.maxDecodedBytes(),
                PdfLimits.DEFAULT.maxParseTime(),
                PdfLimits.DEFAULT.maxLineChars(),
                PdfLimits.DEFAULT.maxPageChars(),
                PdfLimits.DEFAULT.memory());
        List<Integer> pages = new ArrayList<>();
        assertThrows(
                ReportRejectedException.class,
                () -> PdfTextLayer.read(HostilePdfs.pageBomb(6), fivePages, (n, l) -> {}));
        assertThat(read(HostilePdfs.pageBomb(5), fivePages, pages)).isEqualTo(5);
        assertThat(pages).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aDeflateBombContentStreamIsRefusedBeforeItInflates() {
        byte[] pdf = HostilePdfs.deflateBombContent(1L << 30); // 1 GB of spaces
        assertThat(pdf.length).isLessThan(2 * (int) MB);

        ReportRejectedException e = refused(pdf, 64 * MB);
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertThat(e.getMessage()).contains("expands to more than 2 MB");
    }

    @Test
    void streamsWithinTheStreamLimitStillCountAgainstTheWholeFile() {
        byte[] pdf = HostilePdfs.deflateBombContent(MB + MB / 2);
        // within every default limit the file is read, and refused for having no text
        ReportRejectedException read = assertThrows(ReportRejectedException.class, () -> reader.read(pdf));
        assertEquals(Reason.UNREADABLE, read.reason());
        assertThat(read.getMessage()).contains("no text layer");

        PdfLimits oneMegabyteInAll =
                new PdfLimits(100, 2 * MB, MB, Duration.ofMinutes(2), 10_000, 100_000, PdfLimits.DEFAULT.memory());
        ReportRejectedException e = assertThrows(
                ReportRejectedException.class, () -> reader(oneMegabyteInAll).read(pdf));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertThat(e.getMessage()).contains("compressed content expands to more than 1 MB");
    }

    @Test
    void anImageXObjectBombIsNeverDecoded() {
        byte[] pdf = HostilePdfs.imageBomb(1L << 30);
        assertThat(pdf.length).isLessThan(2 * (int) MB);

        ReportRejectedException e = refused(pdf, 64 * MB);
        // the text is read and the image skipped: the page is refused for what it says, not for the image
        assertEquals(Reason.INVALID_CONTENT, e.reason(), e.getMessage());
    }

    @Test
    void formsDrawingFormsEndAtTheParseTimeLimit() {
        byte[] pdf = HostilePdfs.formFanOut(40); // 2^40 glyphs
        // line and page limits out of the way: on a fast machine they would end the file first, and this
        // test is about the clock
        PdfLimits onlyTheClock = new PdfLimits(
                PdfLimits.DEFAULT.maxPages(),
                PdfLimits.DEFAULT.maxStreamBytes(),
                PdfLimits.DEFAULT.maxDecodedBytes(),
                Duration.ofSeconds(1),
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                PdfLimits.DEFAULT.memory());
        ReportRejectedException e = assertThrows(
                ReportRejectedException.class, () -> reader(onlyTheClock).read(pdf));
        assertEquals(Reason.UNREADABLE, e.reason());
        assertThat(e.getMessage()).contains("could not be read within 1 second:");
    }

    @Test
    void aPageTreeThatLoopsIsDamaged() {
        ReportRejectedException e = refused(HostilePdfs.pageTreeLoop(), 64 * MB);
        assertEquals(Reason.UNREADABLE, e.reason());
        assertThat(e.getMessage()).contains("damaged");
    }

    @Test
    void aParentLinkThatLoopsIsDamaged() {
        ReportRejectedException e = refused(HostilePdfs.parentLoop(), 64 * MB);
        assertEquals(Reason.UNREADABLE, e.reason());
        assertThat(e.getMessage()).contains("damaged");
    }

    @Test
    void deeplyNestedObjectsAreDamagedNotAStackOverflow() {
        ReportRejectedException e = refused(HostilePdfs.deepNesting(200_000), 256 * MB);
        assertEquals(Reason.UNREADABLE, e.reason());
    }

    @Test
    void aLineOfAMillionCharactersIsRefused() {
        ReportRejectedException e = refused(HostilePdfs.longLine(1_000_000), 256 * MB);
        assertEquals(Reason.UNREADABLE, e.reason());
        assertThat(e.getMessage()).contains("line of more than 10000 characters");
    }

    @Test
    void aPageWithTooMuchTextIsRefused() {
        List<String> lines = new ArrayList<>();
        lines.add("ACC NAME CURRENT 30 60 90 120 150 180 BALANCE");
        for (int i = 0; i < 49; i++) {
            lines.add("X".repeat(2_500));
        }
        ReportRejectedException e = refused(HostilePdfs.text(lines), 256 * MB);
        assertEquals(Reason.UNREADABLE, e.reason());
        assertThat(e.getMessage()).contains("Page 1 holds more than 100000 characters");
    }

    @Test
    void aNameOfFiveThousandCharactersRefusesTheReportNamingTheAccount() {
        byte[] pdf = HostilePdfs.report(
                "Long Name Pharmacy",
                List.of(
                        new HostilePdfs.Account("000101", "MR A SHORT", "10.00"),
                        new HostilePdfs.Account("000102", "MRS " + "B".repeat(4_996), "20.00")));
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> reader.read(pdf));
        assertEquals(Reason.INVALID_CONTENT, e.reason());
        assertThat(e.getMessage()).startsWith("Account 000102 has a name of 5000 characters; at most 200");
    }

    @Test
    void anEmailOfFiveThousandCharactersRefusesTheReportNamingTheAccount() {
        String email = "x".repeat(4_990) + "@mail.test";
        byte[] pdf = HostilePdfs.report(
                "Long Mail Pharmacy",
                List.of(new HostilePdfs.Account(
                        "000201", "MR C MAIL", new java.math.BigDecimal("30.00"), List.of("eMail: " + email))));
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> reader.read(pdf));
        assertEquals(Reason.INVALID_CONTENT, e.reason());
        assertThat(e.getMessage()).startsWith("Account 000201 has an e-mail address of 5000 characters");
    }

    @Test
    void aReportBuiltHereReadsToItsAccounts() throws Exception {
        ParsedReport report = reader.read(HostilePdfs.report(
                "Plain Pharmacy",
                List.of(
                        new HostilePdfs.Account("000301", "MR D PLAIN", "12.34"),
                        new HostilePdfs.Account("000302", "MRS E PLAIN", "100.00"))));
        assertThat(report.accounts()).extracting(ParsedAccount::accNo).containsExactly("000301", "000302");
        assertThat(report.accounts()).extracting(ParsedAccount::name).containsExactly("MR D PLAIN", "MRS E PLAIN");
    }

    private DebtorReportReader reader(PdfLimits limits) {
        return new DebtorReportReader(MedicalAidControlDetector.withDefaults(), limits);
    }

    /** Reads the file, expecting a refusal, and checks this thread allocated less than {@code maxAllocated} doing so. */
    private ReportRejectedException refused(byte[] pdf, long maxAllocated) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> reader.read(pdf));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated reading the file").isLessThan(maxAllocated);
        return e;
    }

    private static int read(byte[] pdf, PdfLimits limits, List<Integer> pages) {
        try {
            return PdfTextLayer.read(pdf, limits, (number, lines) -> pages.add(number));
        } catch (ReportRejectedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
