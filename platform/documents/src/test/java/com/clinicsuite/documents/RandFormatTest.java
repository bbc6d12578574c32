package com.clinicsuite.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RandFormatTest {

    @Test
    void randAmountsUseSpacesForThousandsAndAMinusForCredit() {
        assertThat(RandFormat.format(new BigDecimal("1234.56"))).isEqualTo("R 1 234.56");
        assertThat(RandFormat.format(new BigDecimal("1234567.5"))).isEqualTo("R 1 234 567.50");
        assertThat(RandFormat.format(new BigDecimal("999"))).isEqualTo("R 999.00");
        assertThat(RandFormat.format(new BigDecimal("-1234.56"))).isEqualTo("-R 1 234.56");
        assertThat(RandFormat.format(new BigDecimal("0.005"))).isEqualTo("R 0.01");
        assertThat(RandFormat.format(null)).isEqualTo("R 0.00");
    }
}
