package com.clinicsuite.imports.credit.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every good workbook of testdata/credit reads to its ground truth, row by row and field by field. */
class GroundTruthTest {

    static final Path CREDIT = Path.of(System.getProperty("testdata.dir", "../../shared/testdata"), "credit");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> VOUCHER_PREFIX =
            Map.of("GK2", "GK", "Preet Vihar", "PV", "Punjabi Bagh", "PB", "Pitampura", "PT");

    private final CreditSheetParser parser = new CreditSheetParser(CreditSheetParser.Limits.DEFAULT);

    @ParameterizedTest
    @CsvSource({
        "main.xlsx, main.json",
        "messy.xlsx, messy.json",
        "per_center.xlsx, per_center.json",
        "legacy.xls, legacy.json",
        "legacy.csv, legacy.json",
        "bad/bad_formula_injection.xlsx, bad/bad_formula_injection.json"
    })
    void readsToGroundTruth(String file, String truthFile) throws IOException {
        JsonNode truth = JSON.readTree(CREDIT.resolve(truthFile).toFile());

        CreditSheet sheet = parser.parse(CREDIT.resolve(file), file, CreditSheetParser.Progress.NONE);

        JsonNode expected = truth.get("rows");
        assertThat(sheet.rowsRejected()).isZero();
        assertThat(sheet.rowsTotal()).isEqualTo(truth.get("row_count").asInt()).isEqualTo(expected.size());
        assertThat(sheet.rows().stream().map(CreditRow::balanceAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal(truth.get("balance_amount_total").asText()));
        for (int i = 0; i < expected.size(); i++) {
            assertRow(sheet.rows().get(i), expected.get(i));
        }
        assertThat(rowsWithEmailNotes(sheet)).isEqualTo(rowsWithInvalidEmails(expected));
    }

    private static void assertRow(CreditRow actual, JsonNode e) {
        String at = "row " + e.get("source_row").asInt();
        assertThat(actual.sourceRow()).as(at).isEqualTo(e.get("source_row").asInt());
        if (e.has("sheet")) {
            assertThat(actual.sheet()).as(at).isEqualTo(e.get("sheet").asText());
        }
        assertThat(actual.clientCode()).as(at).isEqualTo(e.get("client_code").asText());
        assertThat(actual.clientName()).as(at).isEqualTo(e.get("client_name").asText());
        assertThat(actual.phone())
                .as(at)
                .isEqualTo(e.get("phone").isNull() ? null : e.get("phone").asText());
        List<String> emails = new ArrayList<>();
        e.get("emails").forEach(x -> emails.add(x.asText()));
        assertThat(actual.emails()).as(at).isEqualTo(emails);
        assertThat(actual.treatmentName())
                .as(at)
                .isEqualTo(e.get("treatment_name").asText());
        assertThat(actual.center()).as(at).isEqualTo(e.get("center").asText());
        assertThat(actual.packageAmount().toPlainString())
                .as(at)
                .isEqualTo(e.get("package_amount").asText());
        assertThat(actual.amountPaid().toPlainString())
                .as(at)
                .isEqualTo(e.get("amount_paid").asText());
        assertThat(actual.balanceAmount().toPlainString())
                .as(at)
                .isEqualTo(e.get("balance_amount").asText());
        assertThat(actual.prepaidGiftCardBalance().toPlainString())
                .as(at)
                .isEqualTo(e.get("prepaid_gift_card_balance").asText());
        assertThat(actual.sessionsPaid())
                .as(at)
                .isEqualTo(e.get("sessions_paid").asInt());
        assertThat(actual.sessionsConsumed())
                .as(at)
                .isEqualTo(e.get("sessions_consumed").asInt());
        assertThat(actual.balanceSessions())
                .as(at)
                .isEqualTo(e.get("balance_sessions").asInt());
        assertThat(voucher(actual))
                .as(at)
                .isEqualTo(
                        e.get("expected_voucher").isNull()
                                ? null
                                : e.get("expected_voucher").asText());
    }

    /** The voucher credit-balance-service derives: the normalised fields must be enough to get it right. */
    private static String voucher(CreditRow row) {
        return row.phone() == null
                ? null
                : VOUCHER_PREFIX.get(row.center())
                        + row.clientCode().substring(0, 3)
                        + row.phone().substring(3, 7);
    }

    private static Set<Integer> rowsWithEmailNotes(CreditSheet sheet) {
        Set<Integer> rows = new TreeSet<>();
        sheet.issues().stream()
                .filter(i -> CreditColumn.EMAIL_IDS.heading().equals(i.column()))
                .forEach(i -> rows.add(i.row()));
        return rows;
    }

    private static Set<Integer> rowsWithInvalidEmails(JsonNode rows) {
        Set<Integer> result = new TreeSet<>();
        rows.forEach(r -> {
            if (r.has("invalid_emails") && !r.get("invalid_emails").isEmpty()) {
                result.add(r.get("source_row").asInt());
            }
        });
        return result;
    }
}
