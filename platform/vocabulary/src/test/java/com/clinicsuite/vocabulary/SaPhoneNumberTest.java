package com.clinicsuite.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a South African number is written in the suite's inputs: the debtor reports' styles (L1/L2:
 * {@code 0821234567}, {@code 082 123 4567}, {@code +27 82 123 4567}, landlines {@code 011 ...}; DEB013: 10 digits),
 * opt-outs typed by staff, SMSPortal's replies ({@code 27...}), and numbers that lost their leading 0.
 */
class SaPhoneNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0821234567           | 0821234567
            082 123 4567         | 0821234567
            082-123-4567         | 0821234567
            082.123.4567         | 0821234567
            (082) 123 4567       | 0821234567
            082/123/4567         | 0821234567
            ' 082 123 4567 '     | 0821234567
            +27 82 123 4567      | 0821234567
            +27821234567         | 0821234567
            +27 (82) 123-4567    | 0821234567
            27821234567          | 0821234567
            27 82 123 4567       | 0821234567
            +27 (0)82 123 4567   | 0821234567
            270821234567         | 0821234567
            0027 82 123 4567     | 0821234567
            0027821234567        | 0821234567
            821234567            | 0821234567
            82 123 4567          | 0821234567
            011 462 1100         | 0114621100
            0114621100           | 0114621100
            014 756 9636         | 0147569636
            036 000 0000         | 0360000000
            +27 11 462 1100      | 0114621100
            114621100            | 0114621100
            0600000000           | 0600000000
            0820000000           | 0820000000
            0871234567           | 0871234567
            """)
    void everyWrittenFormGivesTheTenNationalDigits(String written, String nationalDigits) {
        assertThat(SaPhoneNumber.parse(written))
                .map(SaPhoneNumber::nationalDigits)
                .contains(nationalDigits);
        assertThat(SaPhoneNumber.nationalDigitsOf(written)).isEqualTo(nationalDigits);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "12345",
                "08212345",
                "082123456",
                "08212345678",
                "0012345678",
                "012345678",
                "+0821234567",
                "+0027821234567",
                "+821234567",
                "28821234567",
                "2702123456",
                "270012345678",
                "0027012345678",
                "0028821234567",
                "+27 82 123 45678",
                "08212345ab",
                "Tel: 0821234567",
                "082 123 4567 ext 2",
                "++27821234567",
                "082+1234567",
                "+",
                "-",
                "()",
                "NA",
                "0821234567\u0000",
                "٠٨٢١٢٣٤٥٦٧"
            })
    void anythingElseIsNoNumber(String written) {
        assertThat(SaPhoneNumber.parse(written)).isEmpty();
        assertThat(SaPhoneNumber.nationalDigitsOf(written)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u00a0"})
    void noTextIsNoNumber(String written) {
        assertThat(SaPhoneNumber.parse(written)).isEmpty();
    }

    @Test
    void aNonBreakingSpaceSeparatesLikeASpace() {
        assertThat(SaPhoneNumber.nationalDigitsOf("082\u00a0123\u00a04567")).isEqualTo("0821234567");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0821234567, 27821234567", "+27 11 462 1100, 27114621100", "821234567, 27821234567"})
    void smsPortalGetsTheInternationalDigits(String written, String international) {
        assertThat(SaPhoneNumber.parse(written))
                .map(SaPhoneNumber::internationalDigits)
                .contains(international);
    }

    @Test
    void everyFormOfOneNumberIsTheSameNumberSoOptOutsMatch() {
        SaPhoneNumber number = SaPhoneNumber.parse("082 123 4567").orElseThrow();
        for (String form : new String[] {"+27 82 123 4567", "27821234567", "821234567", "0027821234567"}) {
            assertThat(SaPhoneNumber.parse(form)).contains(number);
            assertThat(SaPhoneNumber.parse(form).orElseThrow().hashCode()).isEqualTo(number.hashCode());
        }
        // and the national digits read back as the same number
        assertThat(SaPhoneNumber.parse(number.nationalDigits())).contains(number);
        assertThat(SaPhoneNumber.parse(number.internationalDigits())).contains(number);
    }

    @Test
    void theNumberNeverPrintsWhole() {
        assertThat(SaPhoneNumber.parse("0821234567").orElseThrow().toString())
                .isEqualTo("082*****67")
                .doesNotContain("1234");
    }
}
