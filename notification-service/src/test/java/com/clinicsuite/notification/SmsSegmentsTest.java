package com.clinicsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.notification.service.SmsSegments;
import org.junit.jupiter.api.Test;

/**
 * SMS parts. Rand amounts are platform/documents' RandFormatTest; South African numbers platform/vocabulary's
 * SaPhoneNumberTest.
 */
class SmsSegmentsTest {

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
}
