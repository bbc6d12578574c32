package com.clinicsuite.imports.debtors.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Control accounts by number, by scheme name and by name pattern (issue 24), as a table. */
class MedicalAidControlDetectorTest {

    private final MedicalAidControlDetector defaults = MedicalAidControlDetector.withDefaults();

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the dispensing system's number range
                "900012 | ANY NAME                              | true",
                // scheme names anywhere in the name
                "12     | DISCOVERY HEALTH MEDICAL SCHEME       | true",
                "12     | GOVERNMENT EMPLOYEES MEDICAL SCHEME   | true",
                "12     | Bonitas Medical Fund                  | true",
                "12     | MEDICAL AID CONTROL ACC               | true",
                "12     | SELFMED                               | true",
                // M/A prefix, also for a scheme the list does not know
                "12     | M/A DISCOVERY - CLASSIC SAVER         | true",
                "12     | M/A NEWHEALTH - GOLD                  | true",
                "12     | m/a  Umbrella Scheme                  | true",
                // <SCHEME> - <option>
                "12     | GEMS - EMERALD VALUE                  | true",
                "12     | Fedhealth - myFED                     | true",
                "12     | PROFMED - PROPINNACLE                 | true",
                // patients and businesses
                "12     | Mr P. Pienaar                         | false",
                "12     | SMITH - JONES                         | false",
                "12     | ELANDSKOP TRANSPORT - BOERDERY        | false",
                "12     | Mrs M.A. Botha                        | false",
                "000947 | TOTAL SPORTS CC                       | false",
            })
    void recognisesControlAccounts(String accNo, String name, boolean control) {
        assertEquals(control, defaults.isControlAccount(accNo, name), name);
    }

    @Test
    void configuredNamesAndPatternsReplaceTheDefaults() {
        MedicalAidControlDetector detector = new MedicalAidControlDetector(
                List.of("ACME HEALTH"), "8\\d{4}", List.of("^(?:{scheme})\\s+-\\s+\\S", "^SCHEME:"));

        assertEquals(true, detector.isControlAccount("1", "ACME HEALTH - GOLD"));
        assertEquals(true, detector.isControlAccount("1", "Scheme: anything"));
        assertEquals(true, detector.isControlAccount("81234", "Mr X"));
        assertEquals(false, detector.isControlAccount("900012", "Mr X"), "the default number range is replaced");
        assertEquals(false, detector.isControlAccount("1", "M/A DISCOVERY"), "the default patterns are replaced");
    }
}
