package com.clinicsuite.debtor.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.Debtor;
import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.ExportRow;
import com.clinicsuite.documents.PdfLayout;
import com.clinicsuite.documents.RandFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The printed debtor lists read back glyph by glyph (PDFBox's text positions and the drawn lines): headings clear
 * of each other and of the rules, no rule through text, every value of a row printed in full, long names wrapped
 * and never cut, the selection under the title, the totals set apart, the pharmacy and page numbers on every page.
 * The rendered files are left in {@code target/documents/} to look at (pdftoppm).
 */
class DebtorPdfLayoutTest {

    private static final PrintedLists LISTS = new PrintedLists(null, null, () -> ZoneId.of("Africa/Johannesburg"));

    /** The longest name a DEB013 report holds (30 characters) and much longer ones, as other reports have them. */
    static final String LONG_NAME = "STEENKAMP OLD AGE HOME PHASE 3 FRAIL CARE CENTRE OF THE DUTCH REFORMED CHURCH";

    @Test
    void theAgeAnalysisReadsWellWhateverTheContent() throws IOException {
        List<Debtor> debtors = debtors(309);
        Debtor sample = debtors.get(17);
        sample.name = LONG_NAME;
        sample.accNo = "WIN0001234567";
        sample.d150 = new BigDecimal("12345.67");
        sample.balance = sample.current
                .add(sample.d30)
                .add(sample.d60)
                .add(sample.d90)
                .add(sample.d120)
                .add(sample.d150)
                .add(sample.d180);
        sample.phone = "+27 82 555 0199";
        PrintedLists.Request request = new PrintedLists.Request(
                PrintedLists.Layout.LIST, null, List.of(), new BigDecimal("100.00"), true, Map.of());
        byte[] pdf = DebtorPdf.render(LISTS.document(PHARMACY, report(), rows(debtors), request));
        save("debtors-list.pdf", pdf);
        PdfLayout layout = PdfLayout.read(pdf);

        assertThat(layout.pages()).isGreaterThan(5);
        List<String> headings = List.of(
                "Account No",
                "Name",
                "Current",
                "30 Days",
                "60 Days",
                "90 Days",
                "120 Days",
                "150 Days",
                "180 Days",
                "Balance",
                "Phone");
        for (int page = 1; page <= layout.pages(); page++) {
            List<PdfLayout.Run> headingRuns = headingRuns(layout, page, headings);
            assertThat(headingRuns).as("headings on page %d", page).hasSize(headings.size());
            assertThat(PdfLayout.overlaps(headingRuns)).as("page %d", page).isEmpty();
            // at least a space between neighbouring headings: they never touch
            List<PdfLayout.Run> byX = headingRuns.stream()
                    .sorted((a, b) -> Float.compare(a.box().left(), b.box().left()))
                    .toList();
            for (int i = 1; i < byX.size(); i++) {
                assertThat(byX.get(i).box().left() - byX.get(i - 1).box().right())
                        .as("gap between %s and %s", byX.get(i - 1), byX.get(i))
                        .isGreaterThan(4f);
            }
            assertThat(PdfLayout.overlaps(layout.runs(page)))
                    .as("page %d", page)
                    .isEmpty();
            int p = page;
            assertThat(layout.runs(page))
                    .as("pharmacy and page number on page %d", page)
                    .anyMatch(r -> r.text().contains("Winterton Pharmacy"))
                    .anyMatch(r -> r.text().equals("Page " + p + " of " + layout.pages()));
        }
        assertThat(layout.rulesCrossingText()).isEmpty();

        // the sample row: every value in full, the long name wrapped over lines of its own column
        PdfLayout.Run acc = layout.find("WIN0001234567").get(0);
        List<PdfLayout.Run> row = rowOf(layout, acc);
        assertThat(row).extracting(PdfLayout.Run::text).contains("R 12 345.67", RandFormat.format(sample.balance));
        assertThat(row).extracting(PdfLayout.Run::text).contains("+27 82 555 0199");
        List<String> nameLines = row.stream()
                .filter(r -> Math.abs(r.box().left() - nameColumnLeft(layout, acc.page())) < 1)
                .map(PdfLayout.Run::text)
                .toList();
        assertThat(nameLines).as("the name wraps").hasSizeGreaterThan(1);
        assertThat(String.join(" ", nameLines)).isEqualTo(LONG_NAME);
        assertThat(layout.text()).doesNotContain("…");

        // the selection and the report under the title
        assertThat(layout.text())
                .contains("Debtors age analysis")
                .contains(
                        "Balances as at 30 November 2026 (report deb013_winterton.pdf, uploaded 1 December 2026, 09:15")
                .contains("Selection: all accounts; overdue (60 days and older) above R 100.00; medical-aid control"
                        + " accounts left out.")
                .contains("309 accounts listed. Printed ");

        // totals: bold, on a shaded band below a rule, the sum of every bucket
        BigDecimal d60 = debtors.stream().map(d -> d.d60).reduce(BigDecimal.ZERO, BigDecimal::add);
        PdfLayout.Run totals = layout.find("Totals (309 accounts)").get(0);
        assertThat(totals.bold()).isTrue();
        assertThat(rowOf(layout, totals)).extracting(PdfLayout.Run::text).contains(RandFormat.format(d60));
        assertThat(layout.rules(totals.page()))
                .as("a rule right above the totals")
                .anyMatch(rule -> rule.box().bottom() <= totals.box().top()
                        && totals.box().top() - rule.box().bottom() < 6);
    }

    @Test
    void chosenBucketsAndHeadingsPrintAsAskedAndLongHeadingsWrapClearOfEachOther() throws IOException {
        List<Debtor> debtors = debtors(40);
        PrintedLists.Request request = new PrintedLists.Request(
                PrintedLists.Layout.LIST,
                debtors.stream().map(d -> d.id).toList(),
                List.of(AgeingBucket.D60, AgeingBucket.D90),
                null,
                false,
                Map.of(
                        "acc_no", "Rekeningnommer van die debiteur",
                        "d60", "Sestig dae en nog steeds nie betaal nie",
                        "d90", "Negentig dae"));
        byte[] pdf = DebtorPdf.render(LISTS.document(PHARMACY, report(), rows(debtors), request));
        save("debtors-list-custom.pdf", pdf);
        PdfLayout layout = PdfLayout.read(pdf);

        assertThat(layout.text())
                .contains("Selection: 40 accounts chosen by hand; with an amount in Sestig dae en nog steeds nie"
                        + " betaal nie or Negentig dae; medical-aid control accounts included.")
                .doesNotContain("30 Days")
                .doesNotContain("Current");
        assertThat(PdfLayout.overlaps(layout.runs(1))).isEmpty();
        assertThat(layout.rulesCrossingText()).isEmpty();
    }

    @Test
    void theMissingContactsListHasTheOverdueBalanceLastPaymentAndRoomForNotes() throws IOException {
        List<Debtor> debtors = debtors(25);
        debtors.forEach(d -> {
            d.email = null;
            d.phone = null;
        });
        Debtor first = debtors.get(0);
        first.lastPaymentDate = LocalDate.of(2026, 10, 25);
        first.lastPaymentAmount = new BigDecimal("1500.00");
        PrintedLists.Request request =
                new PrintedLists.Request(PrintedLists.Layout.MISSING_CONTACTS, null, List.of(), null, true, Map.of());
        byte[] pdf = DebtorPdf.render(LISTS.document(PHARMACY, report(), rows(debtors), request));
        save("missing-contacts.pdf", pdf);
        PdfLayout layout = PdfLayout.read(pdf);

        assertThat(layout.text())
                .contains("Overdue accounts without an e-mail address or phone number")
                .contains("Selection: overdue accounts (an amount 60 days or older) with neither an e-mail address"
                        + " nor a phone number, to phone from your own records or to write to; all accounts;"
                        + " medical-aid control accounts left out.")
                .contains("R 1 500.00 on 25 Oct 2026");
        for (String heading : List.of("Account No", "Name", "Overdue (60+ days)", "Balance", "Last payment", "Notes")) {
            assertThat(String.join(
                            " ",
                            layout.runs(1).stream()
                                    .filter(PdfLayout.Run::bold)
                                    .map(PdfLayout.Run::text)
                                    .toList()))
                    .contains(heading.split(" ")[0]);
        }
        assertThat(rowOf(layout, layout.find(first.accNo).get(0)))
                .extracting(PdfLayout.Run::text)
                .contains(RandFormat.format(first.arrears), RandFormat.format(first.balance));
        assertThat(PdfLayout.overlaps(layout.runs(1))).isEmpty();
        assertThat(layout.rulesCrossingText()).isEmpty();
    }

    /** The headings of a page: bold runs between the first two rules (a heading may wrap over several runs). */
    private static List<PdfLayout.Run> headingRuns(PdfLayout layout, int page, List<String> headings) {
        List<PdfLayout.Rule> rules = layout.rules(page).stream()
                .sorted((a, b) -> Float.compare(a.box().top(), b.box().top()))
                .toList();
        float top = rules.get(0).box().bottom();
        float bottom = rules.get(1).box().top();
        List<PdfLayout.Run> runs = layout.runs(page).stream()
                .filter(r -> r.box().top() > top && r.box().bottom() < bottom)
                .toList();
        assertThat(runs).allMatch(PdfLayout.Run::bold);
        assertThat(runs).extracting(PdfLayout.Run::text).containsExactlyInAnyOrderElementsOf(headings);
        return runs;
    }

    /** The runs of a table row: from the line of {@code first} down to the next account's line. */
    private static List<PdfLayout.Run> rowOf(PdfLayout layout, PdfLayout.Run first) {
        float nameLeft = nameColumnLeft(layout, first.page());
        float next = layout.runs(first.page()).stream()
                .filter(r -> r.box().right() < nameLeft
                        && r.box().top() > first.box().bottom())
                .map(r -> r.box().top())
                .min(Float::compare)
                .orElse(Float.MAX_VALUE);
        return layout.runs(first.page()).stream()
                .filter(r -> r.box().top() >= first.box().top() - 1 && r.box().bottom() < next)
                .toList();
    }

    private static float nameColumnLeft(PdfLayout layout, int page) {
        return layout.runs(page).stream()
                .filter(r -> r.text().equals("Name") && r.bold())
                .findFirst()
                .orElseThrow()
                .box()
                .left();
    }

    /** Debtors of a DEB013-like report: titles and initials, businesses, credit balances, zero buckets. */
    static List<Debtor> debtors(int n) {
        Random random = new Random(22);
        List<String> titles = List.of("MR", "MRS", "MISS", "MNR", "MEV", "DR");
        List<String> surnames = List.of(
                "VAN DER MERWE", "DU PLESSIS", "O'NEILL", "NKOSI", "DREYER-MARÉ", "JANSE VAN RENSBURG", "CRONJÉ");
        List<String> businesses = List.of(
                "BERGVIEW BODY CORPORATE UNIT 12", "ANOTHER PHARMACY (PTY) LTD", "SAMPLE FARMING CC", "SMIT & SEUNS");
        List<Debtor> debtors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Debtor d = new Debtor();
            d.id = 1000L + i;
            d.accNo = String.format("ACC%04d", i);
            d.name = i % 5 == 4
                    ? businesses.get(i % businesses.size())
                    : titles.get(i % titles.size()) + " " + "ABCDEFGH".charAt(i % 8) + " "
                            + surnames.get(i % surnames.size());
            BigDecimal[] amounts = new BigDecimal[7];
            for (int b = 0; b < 7; b++) {
                amounts[b] = random.nextInt(3) == 0
                        ? BigDecimal.ZERO.setScale(2)
                        : BigDecimal.valueOf(random.nextInt(250_000), 2);
            }
            if (i % 41 == 0) {
                amounts[0] = new BigDecimal("-45.76"); // a credit
            }
            d.current = amounts[0];
            d.d30 = amounts[1];
            d.d60 = amounts[2];
            d.d90 = amounts[3];
            d.d120 = amounts[4];
            d.d150 = amounts[5];
            d.d180 = amounts[6];
            d.balance = Arrays.stream(amounts).reduce(BigDecimal.ZERO, BigDecimal::add);
            d.arrears = d.d60.add(d.d90).add(d.d120).add(d.d150).add(d.d180);
            d.phone = i % 3 == 0 ? null : "082 " + (1000000 + i);
            debtors.add(d);
        }
        return debtors;
    }

    static final String PHARMACY = "Winterton Pharmacy";

    /** The debtors as the export query reads them. */
    static List<ExportRow> rows(List<Debtor> debtors) {
        return debtors.stream()
                .map(d -> new ExportRow(
                        d.accNo,
                        d.name,
                        d.current,
                        d.d30,
                        d.d60,
                        d.d90,
                        d.d120,
                        d.d150,
                        d.d180,
                        d.balance,
                        d.email,
                        d.phone,
                        d.arrears,
                        d.lastPaymentAmount,
                        d.lastPaymentDate))
                .toList();
    }

    static DebtorReport report() {
        DebtorReport r = new DebtorReport();
        r.filename = "deb013_winterton.pdf";
        r.reportDate = LocalDate.of(2026, 11, 30);
        r.uploadedAt = OffsetDateTime.parse("2026-12-01T07:15:00Z");
        return r;
    }

    private static void save(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("target/documents");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }
}
