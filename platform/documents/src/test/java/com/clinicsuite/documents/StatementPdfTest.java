package com.clinicsuite.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class StatementPdfTest {

    static final Statement.Letterhead WINTERTON =
            new Statement.Letterhead("Winterton Pharmacy", "036 488 1234", "FNB Cheque 62000000000, branch 250655");

    static Statement statement(String name, String language, Statement.Ageing ageing) {
        return new Statement(
                WINTERTON,
                name,
                "DRE001",
                "fj.dreyer@example.co.za",
                "082 123 4567",
                LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 7),
                ageing,
                language);
    }

    static Statement.Ageing ageing() {
        return new Statement.Ageing(
                new BigDecimal("120.00"),
                new BigDecimal("0.00"),
                new BigDecimal("1000.00"),
                new BigDecimal("234.56"),
                new BigDecimal("0.00"),
                new BigDecimal("11000.00"),
                new BigDecimal("0.00"),
                new BigDecimal("12354.56"));
    }

    @Test
    void anEnglishStatementPrintsLetterheadDebtorAgeingAmountDueAndReference() {
        PdfLayout pdf = PdfLayout.read(
                saved("statement-en.pdf", StatementPdf.render(statement("MISS FJ DREYER", "en", ageing()))));

        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.text())
                .contains("Winterton Pharmacy")
                .contains("Tel 036 488 1234")
                .contains("Statement of account")
                .contains("Balances as at 30 November 2026")
                .contains("Printed 7 December 2026")
                .contains("Miss FJ Dreyer")
                .contains("fj.dreyer@example.co.za")
                .contains("082 123 4567")
                .contains("Account number")
                .contains("Payment reference: DRE001")
                .contains("FNB Cheque 62000000000, branch 250655")
                .contains("Questions about this statement? Call us on 036 488 1234.")
                .contains("Page 1 of 1")
                .doesNotContain("MISS FJ DREYER");
        List<String> headings = List.of("Current", "30 days", "60 days", "90 days", "120 days", "150 days", "180 days");
        for (String heading : headings) {
            assertThat(pdf.find(heading)).as(heading).hasSize(1);
        }
        assertThat(pdf.find("Balance")).hasSize(1);
        for (String amount : List.of("R 120.00", "R 1 000.00", "R 234.56", "R 11 000.00", "R 12 354.56")) {
            assertThat(pdf.find(amount)).as(amount).isNotEmpty();
        }
        assertThat(pdf.find("Amount due")).hasSize(1);
        assertThat(pdf.find("Overdue (60 days and older)")).hasSize(1);
        assertThat(pdf.find("R 12 234.56")).as("overdue = 60 to 180 days").hasSize(1);
        assertThat(PdfLayout.overlaps(pdf.runs(1))).isEmpty();
        assertThat(pdf.rulesCrossingText()).isEmpty();
        // each amount stands under its heading, right-aligned with it
        for (int i = 0; i < headings.size(); i++) {
            PdfLayout.Run heading = pdf.find(headings.get(i)).get(0);
            PdfLayout.Run amount = pdf.runs(1).stream()
                    .filter(r -> r.text().startsWith("R ")
                            && r.box().top() > heading.box().bottom())
                    .min((a, b) -> Float.compare(
                            Math.abs(a.box().right() - heading.box().right()),
                            Math.abs(b.box().right() - heading.box().right())))
                    .orElseThrow();
            assertThat(Math.abs(amount.box().right() - heading.box().right()))
                    .as(headings.get(i))
                    .isLessThan(1f);
        }
    }

    @Test
    void anAfrikaansStatementSpeaksAfrikaans() {
        PdfLayout pdf = PdfLayout.read(
                saved("statement-af.pdf", StatementPdf.render(statement("MNR JP VAN DER MERWE", "af", ageing()))));

        assertThat(pdf.text())
                .contains("Rekeningstaat")
                .contains("Saldo's soos op 30 November 2026")
                .contains("Gedruk 7 Desember 2026")
                .contains("Mnr JP van der Merwe")
                .contains("Rekeningnommer")
                .contains("E-pos")
                .contains("Telefoon")
                .contains("Ouderdomsontleding")
                .contains("Bedrag verskuldig")
                .contains("Agterstallig (60 dae en ouer)")
                .contains("Betaal asseblief in")
                .contains("Betalingsverwysing: DRE001")
                .contains("Bladsy 1 van 1")
                .doesNotContain("Amount due")
                .doesNotContain("Statement of account");
        for (String heading :
                List.of("Huidig", "30 dae", "60 dae", "90 dae", "120 dae", "150 dae", "180 dae", "Saldo")) {
            assertThat(pdf.find(heading)).as(heading).hasSize(1);
        }
        assertThat(PdfLayout.overlaps(pdf.runs(1))).isEmpty();
        assertThat(pdf.rulesCrossingText()).isEmpty();
    }

    /**
     * Amounts are written as the statement's language writes them, by the rule the reminders use
     * ({@link DocumentLanguage#rand}): decimal comma in Afrikaans ({@code R 1 234,56}), point in English; a space
     * groups thousands in both. Read back from the PDF's text.
     */
    @Test
    void amountsAreWrittenAsTheStatementsLanguageWritesThem() {
        PdfLayout af = PdfLayout.read(StatementPdf.render(statement("MNR JP VAN DER MERWE", "af", ageing())));
        PdfLayout en = PdfLayout.read(StatementPdf.render(statement("MNR JP VAN DER MERWE", "en", ageing())));

        // the ageing row, the balance, the amount due (the balance again) and the overdue part
        List<String> afrikaans = List.of("R 120,00", "R 1 000,00", "R 234,56", "R 11 000,00", "R 12 234,56");
        List<String> english = List.of("R 120.00", "R 1 000.00", "R 234.56", "R 11 000.00", "R 12 234.56");
        for (String amount : afrikaans) {
            assertThat(af.find(amount)).as(amount).hasSize(1);
            assertThat(en.find(amount)).as(amount).isEmpty();
        }
        for (String amount : english) {
            assertThat(en.find(amount)).as(amount).hasSize(1);
            assertThat(af.find(amount)).as(amount).isEmpty();
        }
        assertThat(af.find("R 12 354,56")).hasSize(2);
        assertThat(en.find("R 12 354.56")).hasSize(2);
        assertThat(af.find("R 0,00")).hasSize(3); // 30, 120 and 180 days
        // nothing in the Afrikaans statement is written with a decimal point: every "R ..." run has a comma
        assertThat(af.runs(1).stream().map(PdfLayout.Run::text).filter(t -> t.matches("-?R [0-9 ]+[.,][0-9]{2}")))
                .hasSize(10)
                .allMatch(t -> t.matches("-?R [0-9 ]+,[0-9]{2}"));
        // a credit balance, too
        Statement.Ageing credit = new Statement.Ageing(
                new BigDecimal("-1045.76"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("-1045.76"));
        PdfLayout inCredit = PdfLayout.read(StatementPdf.render(statement("MNR JP VAN DER MERWE", "af", credit)));
        assertThat(inCredit.text()).contains("In krediet");
        assertThat(inCredit.find("R 1 045,76")).hasSize(1);
        assertThat(inCredit.find("-R 1 045,76")).hasSize(2);
    }

    @Test
    void longNamesAndBankDetailsWrapAndNothingIsLost() {
        String name = "STEENKAMP OLD AGE HOME PHASE 3 AND FRAIL CARE CENTRE OF THE DUTCH REFORMED CHURCH BERGVIEW";
        Statement.Letterhead letterhead = new Statement.Letterhead(
                "Umhlanga Ridge Pharmacy and Wellness Centre (Pty) Ltd, trading as Umhlanga Ridge Pharmacy",
                "031 000 0000",
                "Standard Bank, Umhlanga Ridge branch, branch code 051001\nCurrent account 000000000012345\n"
                        + "Please e-mail your proof of payment to accounts@umhlanga.example");
        Statement statement = new Statement(
                letterhead,
                name,
                "ACC-000000000000000000000000001",
                null,
                null,
                null,
                LocalDate.of(2026, 12, 7),
                new Statement.Ageing(
                        new BigDecimal("9999999.99"),
                        new BigDecimal("9999999.99"),
                        new BigDecimal("9999999.99"),
                        new BigDecimal("9999999.99"),
                        new BigDecimal("9999999.99"),
                        new BigDecimal("9999999.99"),
                        new BigDecimal("9999999.99"),
                        new BigDecimal("69999999.93")),
                "en");
        PdfLayout pdf = PdfLayout.read(StatementPdf.render(statement));

        String words = String.join(" ", pdf.text().split("\\s+"));
        assertThat(words)
                .contains("Steenkamp Old Age Home Phase 3 And Frail Care Centre Of The Dutch Reformed Church Bergview")
                .contains("Umhlanga Ridge Pharmacy and Wellness Centre (Pty) Ltd, trading as Umhlanga Ridge Pharmacy")
                .contains("Current account 000000000012345")
                .contains("Please e-mail your proof of payment to accounts@umhlanga.example")
                .contains("R 69 999 999.93")
                .doesNotContain("Balances as at")
                .doesNotContain("E-mail:");
        assertThat(pdf.find("R 9 999 999.99")).hasSize(7);
        assertThat(PdfLayout.overlaps(pdf.runs(1))).isEmpty();
        assertThat(pdf.rulesCrossingText()).isEmpty();
    }

    @Test
    void aCreditBalanceSaysInCreditAndWithoutBankDetailsItAsksForThem() {
        Statement statement = new Statement(
                new Statement.Letterhead("Kloof Street Pharmacy", null, null),
                "Thandi Nkosi",
                "NKO002",
                null,
                null,
                LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 7),
                new Statement.Ageing(
                        new BigDecimal("-45.76"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        new BigDecimal("-45.76")),
                "en");
        PdfLayout pdf = PdfLayout.read(StatementPdf.render(statement));

        assertThat(pdf.text())
                .contains("Thandi Nkosi")
                .contains("In credit")
                .contains("Ask us for our bank details.")
                .doesNotContain("Amount due")
                .doesNotContain("Questions about");
        assertThat(pdf.find("R 45.76")).hasSize(1);
        assertThat(pdf.find("-R 45.76")).hasSize(2);
    }

    /** Western names print with the standard fonts (nothing embedded); others embed DejaVu and print in full. */
    @Test
    void namesBeyondTheStandardFontsEmbedDejaVuAndPrintInFull() throws Exception {
        byte[] western = StatementPdf.render(statement("MEV E DE BRUYN-FOURIÉ", "af", ageing()));
        byte[] polish = StatementPdf.render(statement("MRS ŁUCJA WÓJCIK-ŞAHIN", "en", ageing()));

        assertThat(fontsOf(western)).containsOnly("Helvetica", "Helvetica-Bold");
        assertThat(western.length).isLessThan(8_000);
        assertThat(PdfLayout.read(western).text()).contains("Mev E de Bruyn-Fourié");
        assertThat(fontsOf(polish)).allMatch(name -> name.contains("DejaVuSans"));
        PdfLayout layout = PdfLayout.read(polish);
        assertThat(layout.text()).contains("Mrs Łucja Wójcik-Şahin");
        assertThat(PdfLayout.overlaps(layout.runs(1))).isEmpty();
        assertThat(layout.rulesCrossingText()).isEmpty();
    }

    private static List<String> fontsOf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> names = new ArrayList<>();
            var resources = document.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                var font = resources.getFont(name);
                names.add(font.getName());
                assertThat(font.isEmbedded()).isEqualTo(font.getName().contains("DejaVuSans"));
            }
            return names;
        }
    }

    @Test
    void theFileNameIsTheAccountNumberMadeSafe() {
        assertThat(statement("X", "en", ageing()).fileName()).isEqualTo("statement_DRE001.pdf");
        Statement odd = new Statement(WINTERTON, "X", "A/B 7\"", null, null, null, LocalDate.now(), ageing(), "en");
        assertThat(odd.fileName()).isEqualTo("statement_A_B_7_.pdf");
        assertThat(odd.toString()).doesNotContain("A/B");
    }

    /** The parsed fonts are lent to one document at a time: statements made in parallel are each whole. */
    @Test
    void statementsRenderedInParallelAreEachComplete() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String accNo = "PAR" + i;
                futures.add(pool.submit(() -> StatementPdf.render(new Statement(
                        WINTERTON,
                        "MR J NKOSI " + accNo,
                        accNo,
                        null,
                        null,
                        null,
                        LocalDate.of(2026, 12, 7),
                        ageing(),
                        i(accNo) % 2 == 0 ? "en" : "af"))));
            }
            for (int i = 0; i < futures.size(); i++) {
                byte[] bytes = futures.get(i).get();
                try (PDDocument document = Loader.loadPDF(bytes)) {
                    assertThat(document.getNumberOfPages()).isEqualTo(1);
                }
                assertThat(PdfLayout.read(bytes).text()).contains("PAR" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Left in {@code target/documents/} to look at (pdftoppm), as the docs' images were made. */
    private static byte[] saved(String name, byte[] pdf) {
        try {
            Path dir = Path.of("target/documents");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), pdf);
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int i(String accNo) {
        return Integer.parseInt(accNo.substring(3));
    }
}
