package com.clinicsuite.debtor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The CSV cell rules on their own (no application needed). */
class DebtorCsvTest {

    @Test
    void textCellsThatASpreadsheetWouldRunAreNeutralised() {
        assertThat(DebtorCsv.text("=1+1")).isEqualTo("'=1+1");
        assertThat(DebtorCsv.text("+27 82")).isEqualTo("'+27 82");
        assertThat(DebtorCsv.text("-x")).isEqualTo("'-x");
        assertThat(DebtorCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(DebtorCsv.text("|calc")).isEqualTo("'|calc");
        assertThat(DebtorCsv.text("\tTAB")).isEqualTo("'\tTAB");
        assertThat(DebtorCsv.text("\rCR")).isEqualTo("\"'\rCR\"");
        assertThat(DebtorCsv.text("O’NEILL, J")).isEqualTo("\"O’NEILL, J\"");
        assertThat(DebtorCsv.text("SAY \"HI\"")).isEqualTo("\"SAY \"\"HI\"\"\"");
        assertThat(DebtorCsv.text("PLAIN")).isEqualTo("PLAIN");
        assertThat(DebtorCsv.text(null)).isEmpty();
    }

    @Test
    void everyDangerousStartIsNeutralisedWhateverFollows() {
        // formula starters, their full-width and small forms, and every leading blank or line break a spreadsheet
        // skips before reading a formula
        String[] starts = {
            "=", "+", "-", "@", "|", "＝", "＋", "－", "＠", "｜", "﹦", "﹢", "﹣", "﹫", "\t", "\r", "\n", " ", "\u00a0",
            "\u3000", "\u2028", "\u000b", "\u000c"
        };
        for (String start : starts) {
            String cell = DebtorCsv.text(start + "HYPERLINK(\"http://evil.example\")");
            String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertThat(unquoted).as("U+%04X", (int) start.charAt(0)).startsWith("'" + start);
        }
        for (String harmless : new String[] {"A", "0", "'", "(", "Ω", "−", "*", "%"}) {
            assertThat(DebtorCsv.text(harmless + "1")).as(harmless).isEqualTo(harmless + "1");
        }
    }

    @Test
    void amountsStayNumbersEvenWhenNegative() {
        assertThat(DebtorCsv.amount(new BigDecimal("-45.76"))).isEqualTo("-45.76");
        assertThat(DebtorCsv.amount(new BigDecimal("1E+3").setScale(2))).isEqualTo("1000.00");
    }
}
