package com.clinicsuite.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.testkit.fixtures.Deb013Account;
import com.clinicsuite.testkit.fixtures.Deb013Options;
import com.clinicsuite.testkit.fixtures.Deb013Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code {name_proper}} on every name the test kit's DEB013 generator makes (its named reports and 40 more seeds of
 * the large one): nothing lost or added but case and spacing, no word of four letters or more left in the report's
 * capitals, titles and Afrikaans particles as people write them. Hand-picked hard cases are platform-documents'
 * {@code PersonNamesTest}.
 */
class NameProperOnFixturesTest {

    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    private static final Set<String> TITLES =
            Set.of("Mr", "Mrs", "Ms", "Miss", "Dr", "Mnr", "Mev", "Mej", "Prof", "Ds", "Me");

    @Test
    void everyGeneratedNameReadsAsPeopleWriteIt() {
        Set<String> names = new LinkedHashSet<>();
        Stream.concat(
                        Stream.of(
                                Deb013Options.small(),
                                Deb013Options.medium(),
                                Deb013Options.large(),
                                Deb013Options.splitPageBreak(),
                                Deb013Options.totalsMismatch()),
                        Stream.iterate(1L, s -> s + 1)
                                .limit(40)
                                .map(seed -> Deb013Options.large().seed(seed).specialChars(true)))
                .map(Deb013Writer::truth)
                .flatMap(report -> report.accounts().stream())
                .map(Deb013Account::name)
                .forEach(names::add);
        assertThat(names).hasSizeGreaterThan(5_000);

        for (String name : names) {
            String proper = new TemplateValues(name, "A1", "R 1.00", null, null, null, List.of()).value("name_proper");
            assertThat(proper.toUpperCase(Locale.ROOT))
                    .as(name)
                    .isEqualTo(name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
            var words = WORD.matcher(proper);
            while (words.find()) {
                String word = words.group();
                assertThat(word.equals(word.toUpperCase(Locale.ROOT)))
                        .as("'%s' left in capitals in '%s' (from '%s')", word, proper, name)
                        .isFalse();
            }
            String first = proper.split(" ")[0];
            if (TITLES.contains(capitalised(first))) {
                assertThat(first).as(name).isEqualTo(capitalised(first));
            }
            assertThat(proper).as(name).doesNotContain(" Van Der ", " Du ", " De ", " Van ");
        }
    }

    private static String capitalised(String word) {
        return word.isEmpty()
                ? word
                : word.substring(0, 1).toUpperCase(Locale.ROOT)
                        + word.substring(1).toLowerCase(Locale.ROOT);
    }
}
