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
        assertThat(DebtorCsv.text("\tTAB")).isEqualTo("'\tTAB");
        assertThat(DebtorCsv.text("\rCR")).isEqualTo("\"'\rCR\"");
        assertThat(DebtorCsv.text("O’NEILL, J")).isEqualTo("\"O’NEILL, J\"");
        assertThat(DebtorCsv.text("SAY \"HI\"")).isEqualTo("\"SAY \"\"HI\"\"\"");
        assertThat(DebtorCsv.text("PLAIN")).isEqualTo("PLAIN");
        assertThat(DebtorCsv.text(null)).isEmpty();
    }

    @Test
    void amountsStayNumbersEvenWhenNegative() {
        assertThat(DebtorCsv.amount(new BigDecimal("-45.76"))).isEqualTo("-45.76");
        assertThat(DebtorCsv.amount(new BigDecimal("1E+3").setScale(2))).isEqualTo("1000.00");
    }
}
