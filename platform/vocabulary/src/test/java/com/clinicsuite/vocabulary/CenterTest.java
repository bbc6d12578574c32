package com.clinicsuite.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every spelling of a center the suite meets: the test data generator's variants (messy.xlsx, per_center.xlsx), what
 * the three services' former parsers accepted, and what staff type. The one table for all services.
 */
class CenterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GK2                      | GK2
            GK-2                     | GK2
            GK 2                     | GK2
            gk2                      | GK2
            gk-2                     | GK2
            G.K.-II                  | GK2
            GK II                    | GK2
            G.K. II                  | GK2
            greater kailash II       | GK2
            GK                       | GK2
            gk                       | GK2
            GK Part 2                | GK2
            GK Part-II               | GK2
            Greater Kailash          | GK2
            Greater Kailash 2        | GK2
            Greater Kailash-2        | GK2
            Greater Kailash II       | GK2
            greater kailash part 2   | GK2
            Greater Kailash Part II  | GK2
            ' gk2 '                  | GK2
            Punjabi Bagh             | PUNJABI_BAGH
            Punjabi bagh             | PUNJABI_BAGH
            PUNJABI BAGH             | PUNJABI_BAGH
            punjabi-bagh             | PUNJABI_BAGH
            PunjabiBagh              | PUNJABI_BAGH
            PB                       | PUNJABI_BAGH
            pb                       | PUNJABI_BAGH
            P.B.                     | PUNJABI_BAGH
            Punjabi Bagh West        | PUNJABI_BAGH
            Punjabi Bagh East        | PUNJABI_BAGH
            Punjabi Bagh (West)      | PUNJABI_BAGH
            Preet Vihar              | PREET_VIHAR
            preet vihar              | PREET_VIHAR
            PREET VIHAR              | PREET_VIHAR
            PV                       | PREET_VIHAR
            pv                       | PREET_VIHAR
            Preet Vihar (East Delhi) | PREET_VIHAR
            Preet Vihar East         | PREET_VIHAR
            Pitampura                | PITAMPURA
            pitampura                | PITAMPURA
            PITAMPURA                | PITAMPURA
            Pitam Pura               | PITAMPURA
            Pitam-Pura               | PITAMPURA
            PTP                      | PITAMPURA
            ptp                      | PITAMPURA
            PT                       | PITAMPURA
            Pitampura North          | PITAMPURA
            """)
    void everyUsualSpellingNamesItsCenter(String written, Center center) {
        assertThat(Center.parse(written)).contains(center);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "GK1",
                "GK-I",
                "Greater Kailash 1",
                "Greater Kailash Part I",
                "GK3",
                "G",
                "P",
                "PBW",
                "Punjabi Bagh Extension",
                "Punjabi",
                "Bagh",
                "Preet",
                "Vihar",
                "Pitam",
                "Pitampura Metro",
                "West Punjabi Bagh",
                "Lajpat Nagar",
                "Noida",
                "Delhi",
                "(GK2)",
                "-",
                "..."
            })
    void nothingElseIsGuessed(String written) {
        assertThat(Center.parse(written)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void noTextNamesNoCenter(String written) {
        assertThat(Center.parse(written)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource({
        "GK2, GK2, GK",
        "PUNJABI_BAGH, Punjabi Bagh, PB",
        "PREET_VIHAR, Preet Vihar, PV",
        "PITAMPURA, Pitampura, PT"
    })
    void canonicalNamesAndVoucherPrefixes(Center center, String canonicalName, String prefix) {
        assertThat(center.canonicalName()).isEqualTo(canonicalName);
        assertThat(center.voucherPrefix()).isEqualTo(prefix);
    }

    @Test
    void theCanonicalNameAndTheEnumNameReadBack() {
        for (Center center : Center.values()) {
            assertThat(Center.parse(center.canonicalName())).contains(center);
            assertThat(Center.parse(center.name())).contains(center);
        }
        assertThat(Center.knownNames()).isEqualTo("GK2, Punjabi Bagh, Preet Vihar, Pitampura");
        assertThat(Arrays.stream(Center.values()).map(Center::voucherPrefix).distinct())
                .hasSize(Center.values().length);
    }
}
