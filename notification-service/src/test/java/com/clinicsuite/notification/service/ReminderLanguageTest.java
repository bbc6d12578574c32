package com.clinicsuite.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.documents.DocumentLanguage;
import com.clinicsuite.notification.client.ReminderLanguage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderLanguageTest {

    @Test
    void randAmountsAreWrittenTheWayEachLanguageReadsThem() {
        assertThat(ReminderLanguage.EN.rand(new BigDecimal("1234.56"))).isEqualTo("R 1 234.56");
        assertThat(ReminderLanguage.AF.rand(new BigDecimal("1234.56"))).isEqualTo("R 1 234,56");
        assertThat(ReminderLanguage.AF.rand(new BigDecimal("-1234567.5"))).isEqualTo("-R 1 234 567,50");
        assertThat(ReminderLanguage.AF.rand(null)).isEqualTo("R 0,00");
        assertThat(ReminderLanguage.EN.rand(new BigDecimal("0.4"))).isEqualTo("R 0.40");
    }

    /** A reminder and the statement attached to it write every amount the same way: one rule, platform-documents'. */
    @Test
    void aReminderWritesAmountsAsItsAttachedStatementPrintsThem() {
        for (ReminderLanguage language : ReminderLanguage.values()) {
            DocumentLanguage statement = DocumentLanguage.of(language.code());
            assertThat(statement.code).isEqualTo(language.code());
            for (String amount : List.of("0", "0.4", "999.99", "1234.56", "-1045.76", "69999999.93")) {
                assertThat(language.rand(new BigDecimal(amount)))
                        .as(language + " " + amount)
                        .isEqualTo(statement.rand(new BigDecimal(amount)));
            }
            assertThat(language.bucketLabel("current")).isEqualTo(statement.current);
            assertThat(language.bucketLabel("d120")).isEqualTo(statement.days(120));
        }
    }

    @Test
    void bucketLabelsAndCodes() {
        assertThat(ReminderLanguage.AF.bucketLabel("d90")).isEqualTo("90 dae");
        assertThat(ReminderLanguage.AF.bucketLabel("current")).isEqualTo("Huidig");
        assertThat(ReminderLanguage.EN.bucketLabel("d30")).isEqualTo("30 days");
        assertThat(ReminderLanguage.fromCode("af")).contains(ReminderLanguage.AF);
        assertThat(ReminderLanguage.fromCode("fr")).isEmpty();
        assertThat(ReminderLanguage.fromCode(null)).isEmpty();
    }
}
