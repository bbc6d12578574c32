package com.clinicsuite.imports.debtors.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.clinicsuite.testkit.fixtures.AgeAnalysisAccount;
import com.clinicsuite.testkit.fixtures.AgeAnalysisReport;
import com.clinicsuite.testkit.fixtures.Deb013Account;
import com.clinicsuite.testkit.fixtures.Deb013Report;
import com.clinicsuite.testkit.fixtures.Fixture;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every good fixture parses to its ground truth: the header (pharmacy, date, printed account counts, pages), every
 * field of every account in print order, the printed totals and the account sums.
 */
class DebtorReportParserGroundTruthTest {

    private final DebtorReportReader reader = new DebtorReportReader(MedicalAidControlDetector.withDefaults());

    @ParameterizedTest
    @ValueSource(strings = {"winterton_small", "tlc_medium", "reitz_large", "split_page_break", "totals_split"})
    void readsDeb013ExactlyAsPrinted(String name) throws Exception {
        Fixture<Deb013Report> fixture = GroundTruth.deb013(name);
        ParsedReport report = reader.read(fixture.bytes());

        assertDeb013Header(fixture.truth(), report);
        assertDeb013Accounts(fixture.truth().accounts(), report.accounts());
        assertAmounts("printed totals", fixture.truth().totals(), report.printedTotals());
        assertAmounts("account sums", fixture.truth().accountTotals(), report.accountTotals());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "debtors/l1_small.pdf",
                "debtors/l1_medium.pdf",
                "debtors/l1_large.pdf",
                "debtors/l2_small.pdf",
                "debtors/l2_medium.pdf",
                "debtors/l2_large.pdf",
                "debtors/l3_small.pdf",
                "debtors/l3_medium.pdf",
                "debtors/l8_small.pdf",
                "debtors/l8_medium.pdf",
                "debtors/l4_small.pdf",
                "debtors/l4_medium.pdf",
                "debtors/l5_small.pdf",
                "debtors/l5_medium.pdf"
            })
    void readsOtherLayoutsExactlyAsPrinted(String name) throws Exception {
        Fixture<AgeAnalysisReport> fixture = GroundTruth.layout(name);
        ParsedReport report = reader.read(fixture.bytes());

        assertLayoutHeader(fixture.truth(), report);
        assertLayoutAccounts(fixture.truth().accounts(), report.accounts());
        assertAmounts("printed totals", fixture.truth().printedTotals(), report.printedTotals());
        assertAmounts("account sums", fixture.truth().totals(), report.accountTotals());
    }

    /** Age analyses saved as spreadsheets: the same reading, the same answers (issue 24). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "debtors/l6_small.xlsx",
                "debtors/l6_medium.xlsx",
                "debtors/l7_small.csv",
                "debtors/l7_medium.csv"
            })
    void readsSpreadsheetsExactly(String name) throws Exception {
        Fixture<AgeAnalysisReport> fixture = GroundTruth.layout(name);
        ParsedReport report = reader.read(fixture.bytes(), fixture.fileName());

        assertLayoutHeader(fixture.truth(), report);
        assertLayoutAccounts(fixture.truth().accounts(), report.accounts());
        assertAmounts("printed totals", fixture.truth().printedTotals(), report.printedTotals());
        assertAmounts("account sums", fixture.truth().totals(), report.accountTotals());
    }

    /** A PDF reads the same through the content-sniffing entry point, whatever its name. */
    @Test
    void aPdfIsReadAsPdfWhateverItsName() throws Exception {
        Fixture<AgeAnalysisReport> fixture = GroundTruth.layout("debtors/l4_small.pdf");
        ParsedReport report = reader.read(fixture.bytes(), "report.xlsx");

        assertLayoutAccounts(fixture.truth().accounts(), report.accounts());
    }

    /** The totals-mismatch reports' accounts are right; only their printed totals are off. */
    @ParameterizedTest
    @ValueSource(strings = {"deb013/totals_mismatch.pdf", "debtors/bad/bad_totals_mismatch.pdf"})
    void readsTheAccountsOfAReportWhoseTotalsAreWrong(String name) throws Exception {
        ParsedReport report =
                new DebtorReportParser(MedicalAidControlDetector.withDefaults()).parse(GroundTruth.pdf(name));

        if (GroundTruth.fixture(name).truth() instanceof Deb013Report truth) {
            assertDeb013Header(truth, report);
            assertDeb013Accounts(truth.accounts(), report.accounts());
            assertAmounts("account sums", truth.accountTotals(), report.accountTotals());
            assertAmounts("printed totals", truth.totals(), report.printedTotals());
        } else {
            AgeAnalysisReport truth = GroundTruth.layout(name).truth();
            assertLayoutHeader(truth, report);
            assertLayoutAccounts(truth.accounts(), report.accounts());
            assertAmounts("account sums", truth.totals(), report.accountTotals());
            assertAmounts("printed totals", truth.printedTotals(), report.printedTotals());
        }
    }

    static void assertDeb013Header(Deb013Report truth, ParsedReport report) {
        assertEquals(truth.pharmacyName(), report.pharmacyName(), "pharmacy_name");
        assertEquals(truth.reportDate(), report.reportDate(), "report_date");
        assertEquals(truth.accCountInHeader(), report.headerAccountCount(), "acc_count_in_header");
        assertNull(report.totalsAccountCount(), "DEB013 prints no count on its totals row");
        assertEquals(truth.pageCount(), report.pageCount(), "page_count");
    }

    static void assertLayoutHeader(AgeAnalysisReport truth, ParsedReport report) {
        assertEquals(truth.pharmacyName(), report.pharmacyName(), "pharmacy_name");
        assertEquals(truth.reportDate(), report.reportDate(), "report_date");
        assertNull(report.headerAccountCount(), "no account count in the header");
        assertEquals(truth.accountCount(), report.totalsAccountCount(), "account count on the totals row");
        assertEquals(truth.pageCount(), report.pageCount(), "page_count");
    }

    /** Every field the report prints; at most 20 differences are listed. */
    static void assertDeb013Accounts(List<Deb013Account> expected, List<ParsedAccount> actual) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < Math.min(expected.size(), actual.size()) && wrong.size() < 20; i++) {
            Deb013Account e = expected.get(i);
            ParsedAccount a = actual.get(i);
            String at = "#" + i + " " + e.accNo() + " ";
            check(wrong, at + "acc_no", e.accNo(), a.accNo());
            check(wrong, at + "name", e.name(), a.name());
            check(wrong, at + "amounts", amounts(e.amounts()), a.amounts());
            check(wrong, at + "email", e.email(), a.email());
            check(wrong, at + "phone", e.phone(), a.phone());
            check(wrong, at + "tel", e.phone(), a.tel()); // the TEL: line's number
            check(wrong, at + "phones", e.phone() == null ? List.of() : List.of(e.phone()), a.phones());
            check(wrong, at + "cell", null, a.cell());
            check(wrong, at + "group", null, a.group());
            check(wrong, at + "last_payment_date", e.lastPaymentDate(), a.lastPaymentDate());
            check(wrong, at + "last_payment_amount", e.lastPaymentAmount(), a.lastPaymentAmount());
            check(wrong, at + "terms", e.terms(), a.terms());
            check(wrong, at + "credit_limit", e.creditLimit(), a.creditLimit());
            check(wrong, at + "is_medical_aid_control", e.medicalAidControl(), a.medicalAidControl());
        }
        assertEquals(List.of(), wrong, "account fields");
        assertEquals(expected.size(), actual.size(), "number of accounts");
    }

    static void assertLayoutAccounts(List<AgeAnalysisAccount> expected, List<ParsedAccount> actual) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < Math.min(expected.size(), actual.size()) && wrong.size() < 20; i++) {
            AgeAnalysisAccount e = expected.get(i);
            ParsedAccount a = actual.get(i);
            String at = "#" + i + " " + e.accNo() + " ";
            check(wrong, at + "acc_no", e.accNo(), a.accNo());
            check(wrong, at + "name", e.name(), a.name());
            check(wrong, at + "amounts", amounts(e.amounts()), a.amounts());
            check(wrong, at + "email", e.email(), a.email());
            check(wrong, at + "phone", e.phone(), a.phone());
            check(wrong, at + "phones", e.phones(), a.phones());
            check(wrong, at + "phone_digits", e.phoneDigits(), a.phoneDigits());
            check(wrong, at + "tel", e.tel(), a.tel());
            check(wrong, at + "cell", e.cell(), a.cell());
            check(wrong, at + "group", e.group(), a.group());
            check(wrong, at + "is_medical_aid_control", e.medicalAidControl(), a.medicalAidControl());
            check(wrong, at + "last_payment_date", null, a.lastPaymentDate());
            check(wrong, at + "terms", null, a.terms());
            check(wrong, at + "credit_limit", null, a.creditLimit());
        }
        assertEquals(List.of(), wrong, "account fields");
        assertEquals(expected.size(), actual.size(), "number of accounts");
    }

    static void assertAmounts(
            String what, com.clinicsuite.testkit.fixtures.AgeingAmounts expected, AgeingAmounts actual) {
        assertNotNull(actual, what);
        assertEquals(amounts(expected), actual, what);
    }

    /** The test kit's amounts as the parser's record (both exact to the cent, scale 2). */
    static AgeingAmounts amounts(com.clinicsuite.testkit.fixtures.AgeingAmounts a) {
        return new AgeingAmounts(a.current(), a.d30(), a.d60(), a.d90(), a.d120(), a.d150(), a.d180(), a.balance());
    }

    private static void check(List<String> wrong, String field, Object expected, Object actual) {
        boolean same = expected instanceof BigDecimal e && actual instanceof BigDecimal a
                ? e.compareTo(a) == 0
                : Objects.equals(expected, actual);
        if (!same) {
            wrong.add(field + ": expected " + expected + " got " + actual);
        }
    }
}
