package com.clinicsuite.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way the clinic's workbooks write a client's phone (main.xlsx, messy.xlsx, legacy.xls/csv: numeric cells,
 * text cells, {@code +91 ...}, {@code 0...}) and what must not become a phone (landlines, short numbers, {@code NA}).
 */
class IndianMobileNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            7985349490            | 7985349490
            '''7985349490'        | 7985349490
            ' 7985349490 '        | 7985349490
            +91 79853 49490       | 7985349490
            +917985349490         | 7985349490
            917985349490          | 7985349490
            91-79853-49490        | 7985349490
            079853-49490          | 7985349490
            07985349490           | 7985349490
            79853 49490           | 7985349490
            (798) 534-9490        | 7985349490
            (0)7985349490         | 7985349490
            ' 798-534-9490 '      | 7985349490
            7985349490.0          | 7985349490
            7985349490.           | 7985349490
            7.98534949E9          | 7985349490
            7.98534949e+9         | 7985349490
            9.17985349490E11      | 7985349490
            6000000000            | 6000000000
            8123456789            | 8123456789
            9999999999            | 9999999999
            """)
    void everyWrittenFormGivesTheTenDigits(String written, String digits) {
        assertThat(IndianMobileNumber.parse(written))
                .map(IndianMobileNumber::nationalDigits)
                .contains(digits);
        assertThat(IndianMobileNumber.nationalDigitsOf(written)).isEqualTo(digits);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "NA",
                "N/A",
                "-",
                "98765",
                "011-45678901",
                "01145678901",
                "5985349490",
                "0985349490",
                "798534949",
                "79853494901",
                "97985349490",
                "927985349490",
                "7985349490.5",
                "7.9853494955E9",
                "1E999999999",
                "1e-999999999",
                "+91 79853 4949",
                "1234567890",
                "79853494901234"
            })
    void landlinesShortNumbersAndTextAreNoMobileNumber(String written) {
        assertThat(IndianMobileNumber.parse(written)).isEmpty();
        assertThat(IndianMobileNumber.nationalDigitsOf(written)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void blanksAreNoMobileNumber(String written) {
        assertThat(IndianMobileNumber.parse(written)).isEmpty();
    }

    @Test
    void oneNumberInAnyFormIsTheSameNumberAndNeverPrintsWhole() {
        IndianMobileNumber number = IndianMobileNumber.parse("+91 79853 49490").orElseThrow();
        assertThat(IndianMobileNumber.parse("7.98534949E9")).contains(number);
        assertThat(number.hashCode())
                .isEqualTo(IndianMobileNumber.parse("7985349490").orElseThrow().hashCode());
        assertThat(number.toString()).isEqualTo("79*****490").doesNotContain("5349");
    }
}
