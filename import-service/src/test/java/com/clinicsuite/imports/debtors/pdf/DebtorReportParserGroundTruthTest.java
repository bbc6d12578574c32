package com.clinicsuite.imports.debtors.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every good fixture parses to its ground truth: every account, every field the JSON has, the totals. */
class DebtorReportParserGroundTruthTest {

    private final DebtorReportReader reader = new DebtorReportReader(MedicalAidControlDetector.withDefaults());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "deb013/winterton_small.pdf",
                "deb013/tlc_medium.pdf",
                "deb013/reitz_large.pdf",
                "deb013/split_page_break.pdf",
                "debtors/l1_small.pdf",
                "debtors/l1_medium.pdf",
                "debtors/l1_large.pdf",
                "debtors/l2_small.pdf",
                "debtors/l2_medium.pdf",
                "debtors/l2_large.pdf"
            })
    void parsesExactlyAsPrinted(String fixture) throws Exception {
        JsonNode truth = GroundTruth.json(fixture);
        ParsedReport report = reader.read(GroundTruth.pdf(fixture));

        assertHeader(truth, report);
        assertAccounts(expectedAccounts(truth), inTruthOrder(truth, report.accounts()));
        assertAmounts("totals", truth.get("totals"), report.printedTotals());
        assertAmounts("totals", truth.get("totals"), report.accountTotals());
    }

    /** The totals-mismatch report's accounts are right; only its printed totals are off. */
    @ParameterizedTest
    @ValueSource(strings = {"deb013/totals_mismatch.pdf", "debtors/bad/bad_totals_mismatch.pdf"})
    void readsTheAccountsOfAReportWhoseTotalsAreWrong(String fixture) throws Exception {
        JsonNode truth = GroundTruth.json(fixture);
        ParsedReport report =
                new DebtorReportParser(MedicalAidControlDetector.withDefaults()).parse(GroundTruth.pdf(fixture));

        assertAccounts(expectedAccounts(truth), inTruthOrder(truth, report.accounts()));
        JsonNode computed = truth.has("totals_computed_from_accounts")
                ? truth.get("totals_computed_from_accounts")
                : truth.get("totals");
        assertAmounts("account sums", computed, report.accountTotals());
        assertAmounts(
                "printed totals",
                truth.has("printed_totals") ? truth.get("printed_totals") : truth.get("totals"),
                report.printedTotals());
    }

    /**
     * The L2 ground truth lists accounts by account number, while the report prints them per group (Private,
     * then Medical Aid); the other layouts' ground truth is in print order.
     */
    private static boolean sortedByAccountNumber(JsonNode truth) {
        return "L2".equals(text(truth.get("layout")));
    }

    private static JsonNode expectedAccounts(JsonNode truth) {
        return truth.get("accounts");
    }

    private static List<ParsedAccount> inTruthOrder(JsonNode truth, List<ParsedAccount> accounts) {
        return sortedByAccountNumber(truth)
                ? accounts.stream()
                        .sorted(java.util.Comparator.comparing(ParsedAccount::accNo))
                        .toList()
                : accounts;
    }

    static void assertHeader(JsonNode truth, ParsedReport report) {
        // L2 prints the pharmacy name in capitals; the generator's JSON keeps the name as registered.
        assertEquals(
                truth.get("pharmacy_name").asText().toUpperCase(Locale.ROOT),
                report.pharmacyName().toUpperCase(Locale.ROOT),
                "pharmacy_name");
        assertEquals(LocalDate.parse(truth.get("report_date").asText()), report.reportDate(), "report_date");
        if (truth.has("acc_count_in_header")) {
            assertEquals(
                    text(truth.get("acc_count_in_header")),
                    report.headerAccountCount() == null
                            ? null
                            : report.headerAccountCount().toString());
        }
        if (truth.has("account_count")) {
            assertEquals(truth.get("account_count").asInt(), report.accounts().size(), "account_count");
        }
        if (truth.has("page_count")) {
            assertEquals(truth.get("page_count").asInt(), report.pageCount(), "page_count");
        }
    }

    static void assertAccounts(JsonNode expected, List<ParsedAccount> actual) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            JsonNode e = expected.get(i);
            ParsedAccount a = actual.get(i);
            String before = wrong.toString();
            check(wrong, i, "acc_no", e, a.accNo());
            check(wrong, i, "name", e, a.name());
            for (Bucket bucket : Bucket.values()) {
                check(wrong, i, key(bucket), e, a.amounts().get(bucket).toPlainString());
            }
            check(wrong, i, "email", e, a.email());
            check(wrong, i, "phone", e, a.phone());
            check(wrong, i, "phone_digits", e, a.phoneDigits());
            check(wrong, i, "tel", e, a.tel());
            check(wrong, i, "cell", e, a.cell());
            check(wrong, i, "group", e, a.group());
            check(
                    wrong,
                    i,
                    "last_payment_date",
                    e,
                    a.lastPaymentDate() == null ? null : a.lastPaymentDate().toString());
            check(wrong, i, "last_payment_amount", e, plain(a.lastPaymentAmount()));
            check(wrong, i, "terms", e, a.terms());
            check(wrong, i, "credit_limit", e, plain(a.creditLimit()));
            check(wrong, i, "is_medical_aid_control", e, Boolean.toString(a.medicalAidControl()));
            if (e.has("phones")) {
                List<String> phones = new ArrayList<>();
                e.get("phones").forEach(p -> phones.add(p.asText()));
                if (!phones.equals(a.phones())) {
                    wrong.add("#" + i + " phones: expected " + phones + " got " + a.phones());
                }
            }
            if (wrong.size() > 20 && !before.equals(wrong.toString())) {
                break;
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(wrong.size(), 20)), "account fields");
        assertEquals(expected.size(), actual.size(), "number of accounts");
    }

    static void assertAmounts(String what, JsonNode expected, AgeingAmounts actual) {
        assertNotNull(actual, what);
        for (Bucket bucket : Bucket.values()) {
            assertEquals(
                    new BigDecimal(expected.get(key(bucket)).asText()), actual.get(bucket), what + " " + key(bucket));
        }
    }

    private static void check(List<String> wrong, int index, String field, JsonNode expected, String actual) {
        if (!expected.has(field)) {
            return;
        }
        String want = text(expected.get(field));
        if (want == null ? actual != null : !want.equals(actual)) {
            wrong.add("#" + index + " " + expected.get("acc_no").asText() + " " + field + ": expected " + want + " got "
                    + actual);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static String key(Bucket bucket) {
        return bucket.name().toLowerCase(Locale.ROOT);
    }
}
