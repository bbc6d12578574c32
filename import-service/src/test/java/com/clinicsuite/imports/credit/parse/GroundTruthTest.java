package com.clinicsuite.imports.credit.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.testkit.fixtures.CreditRecord;
import com.clinicsuite.testkit.fixtures.CreditWorkbook;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every good workbook reads to its ground truth, row by row and field by field. */
class GroundTruthTest {

    private static final Map<String, String> VOUCHER_PREFIX =
            Map.of("GK2", "GK", "Preet Vihar", "PV", "Punjabi Bagh", "PB", "Pitampura", "PT");

    private final CreditSheetParser parser = new CreditSheetParser(CreditSheetParser.Limits.DEFAULT);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "main.xlsx",
                "messy.xlsx",
                "per_center.xlsx",
                "legacy.xls",
                "legacy.csv",
                "bad/bad_formula_injection.xlsx"
            })
    void readsToGroundTruth(String name) throws IOException {
        CreditWorkbook truth = CreditFixtures.truth(name);
        String fileName = CreditFixtures.file(name).getFileName().toString();

        CreditSheet sheet = parser.parse(CreditFixtures.file(name), fileName, CreditSheetParser.Progress.NONE);

        assertThat(sheet.rowsRejected()).isZero();
        assertThat(sheet.rowsTotal())
                .isEqualTo(truth.rowCount())
                .isEqualTo(truth.rows().size());
        assertThat(sheet.rows().stream().map(CreditRow::balanceAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(truth.balanceAmountTotal());
        for (int i = 0; i < truth.rows().size(); i++) {
            assertRow(sheet.rows().get(i), truth.rows().get(i));
        }
        assertThat(rowsWithEmailNotes(sheet)).isEqualTo(rowsWithInvalidEmails(truth));
    }

    private static void assertRow(CreditRow actual, CreditRecord e) {
        String at = e.sheet() + " row " + e.sourceRow();
        assertThat(actual.sheet()).as(at).isEqualTo(e.sheet());
        assertThat(actual.sourceRow()).as(at).isEqualTo(e.sourceRow());
        assertThat(actual.clientCode()).as(at).isEqualTo(e.clientCode());
        assertThat(actual.clientName()).as(at).isEqualTo(e.clientName());
        assertThat(actual.phone()).as(at).isEqualTo(e.phone());
        assertThat(actual.emails()).as(at).isEqualTo(e.emails());
        assertThat(actual.treatmentName()).as(at).isEqualTo(e.treatmentName());
        assertThat(actual.center()).as(at).isEqualTo(e.center());
        assertThat(actual.packageAmount()).as(at).isEqualTo(e.packageAmount());
        assertThat(actual.amountPaid()).as(at).isEqualTo(e.amountPaid());
        assertThat(actual.balanceAmount()).as(at).isEqualTo(e.balanceAmount());
        assertThat(actual.prepaidGiftCardBalance()).as(at).isEqualTo(e.prepaidGiftCardBalance());
        assertThat(actual.sessionsPaid()).as(at).isEqualTo(e.sessionsPaid());
        assertThat(actual.sessionsConsumed()).as(at).isEqualTo(e.sessionsConsumed());
        assertThat(actual.balanceSessions()).as(at).isEqualTo(e.balanceSessions());
        assertThat(voucher(actual)).as(at).isEqualTo(e.expectedVoucher());
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

    private static Set<Integer> rowsWithInvalidEmails(CreditWorkbook truth) {
        Set<Integer> result = new TreeSet<>();
        truth.rows().stream().filter(r -> !r.invalidEmails().isEmpty()).forEach(r -> result.add(r.sourceRow()));
        return result;
    }
}
