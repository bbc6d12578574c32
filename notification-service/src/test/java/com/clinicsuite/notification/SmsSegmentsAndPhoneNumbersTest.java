package com.clinicsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.notification.service.PhoneNumbers;
import com.clinicsuite.notification.service.RandFormat;
import com.clinicsuite.notification.service.SmsSegments;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RandFormatAndSmsSegmentsTest {

    @Test
    void randAmountsUseSpacesForThousandsAndAMinusForCredit() {
        assertThat(RandFormat.format(new BigDecimal("1234.56"))).isEqualTo("R 1 234.56");
        assertThat(RandFormat.format(new BigDecimal("1234567.5"))).isEqualTo("R 1 234 567.50");
        assertThat(RandFormat.format(new BigDecimal("999"))).isEqualTo("R 999.00");
        assertThat(RandFormat.format(new BigDecimal("-1234.56"))).isEqualTo("-R 1 234.56");
        assertThat(RandFormat.format(new BigDecimal("0.005"))).isEqualTo("R 0.01");
        assertThat(RandFormat.format(null)).isEqualTo("R 0.00");
    }

    @Test
    void smsPartsAreCountedAsTheProviderBillsThem() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(new SmsSegments.Count("GSM-7", 160, 1));
        assertThat(SmsSegments.count("a".repeat(161)).parts()).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306)).parts()).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307)).parts()).isEqualTo(3);
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(new SmsSegments.Count("GSM-7", 160, 1));
        assertThat(SmsSegments.count("ç".repeat(70))).isEqualTo(new SmsSegments.Count("UCS-2", 70, 1));
        assertThat(SmsSegments.count("ç".repeat(71)).parts()).isEqualTo(2);
        assertThat(SmsSegments.count("ç".repeat(135)).parts()).isEqualTo(3);
        assertThat(SmsSegments.count("").parts()).isZero();
    }

    @Test
    void southAfricanNumbersNormaliseToTenNationalDigits() {
        assertThat(PhoneNumbers.nationalDigits("082 123 4567")).contains("0821234567");
        assertThat(PhoneNumbers.nationalDigits("+27 (82) 123-4567")).contains("0821234567");
        assertThat(PhoneNumbers.nationalDigits("27821234567")).contains("0821234567");
        assertThat(PhoneNumbers.nationalDigits("12345")).isEqualTo(Optional.empty());
        assertThat(PhoneNumbers.nationalDigits("08212345ab")).isEmpty();
        assertThat(PhoneNumbers.international("0821234567")).isEqualTo("27821234567");
    }
}
