package com.clinicsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.notification.service.PhoneNumbers;
import com.clinicsuite.notification.service.SmsSegments;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SMS parts and phone numbers; Rand amounts are platform-documents' RandFormatTest. */
class SmsSegmentsAndPhoneNumbersTest {

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
