package com.clinicsuite.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.testkit.fixtures.Deb013Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            MISS FJ DREYER                         | Miss FJ Dreyer
            MR W A H SCHOEMAN                      | Mr W A H Schoeman
            STEENKAMP OLD AGE HOME PHASE 3         | Steenkamp Old Age Home Phase 3
            MNR JP VAN DER MERWE                   | Mnr JP van der Merwe
            VAN DER MERWE JP                       | Van der Merwe JP
            MRS A DU PLESSIS                       | Mrs A du Plessis
            DS P DU TOIT                           | Ds P du Toit
            PROF HJ LE ROUX                        | Prof HJ le Roux
            MEV E DE BRUYN-FOURIÉ                  | Mev E de Bruyn-Fourié
            ME C DE VILLIERS                       | Me C de Villiers
            MEJ L VAN WYK                          | Mej L van Wyk
            DR & MRS AB JANSE VAN RENSBURG         | Dr & Mrs AB Janse van Rensburg
            MNR & MEV J VAN DEN BERG               | Mnr & Mev J van den Berg
            MNR EN MEV J VAN ZYL                   | Mnr en Mev J van Zyl
            MR K O'NEILL                           | Mr K O'Neill
            MRS D O'BRIEN                          | Mrs D O'Brien
            MR D MCDONALD                          | Mr D McDonald
            MR D MC DONALD                         | Mr D Mc Donald
            MR MC NEL                              | Mr MC Nel
            MRS S MACKENZIE                        | Mrs S MacKenzie
            MR A MACHADO                           | Mr A Machado
            MR T MACK                              | Mr T Mack
            MRS R DREYER-MARÉ                      | Mrs R Dreyer-Maré
            MR J NG                                | Mr J Ng
            MR EA SMITH                            | Mr EA Smith
            MRS ANN SMITH                          | Mrs Ann Smith
            MR JOHN SMITH III                      | Mr John Smith III
            MR. F. J. CRONJÉ                       | Mr. F. J. Cronjé
            DR L NIËL                              | Dr L Niël
            SAMPLE FARMING CC                      | Sample Farming CC
            ANOTHER PHARMACY (PTY) LTD             | Another Pharmacy (Pty) Ltd
            KLIPFONTEIN BOERDERY (EDMS) BPK        | Klipfontein Boerdery (Edms) Bpk
            DORINGKLOOF BOERDERY BK                | Doringkloof Boerdery BK
            ST MARY'S SCHOOL                       | St Mary's School
            ST JOHN'S CHURCH                       | St John's Church
            SMIT & SEUNS                           | Smit & Seuns
            B&B GASTEHUIS                          | B&B Gastehuis
            CAFÉ ROSÉ                              | Café Rosé
            ÉLAN HAARSALON                         | Élan Haarsalon
            NDLOVU & DUBE TRANSPORT CC             | Ndlovu & Dube Transport CC
            KZN MOTORS                             | KZN Motors
            DU PLESSIS TRANSPORT                   | Du Plessis Transport
            MOUNTAIN VIEW BODY CORPORATE UNIT 12   | Mountain View Body Corporate Unit 12
            0 0 0                                  | 0 0 0
            G .                                    | G .
            thandi nkosi                           | Thandi Nkosi
            Thandi  Nkosi                          | Thandi Nkosi
            Miss FJ van der Merwe                  | Miss FJ van der Merwe
            """)
    void namesReadAsPeopleWriteThem(String report, String expected) {
        assertThat(PersonNames.proper(report)).isEqualTo(expected);
    }

    @Test
    void nothingBecomesEmptyAndNullIsEmpty() {
        assertThat(PersonNames.proper(null)).isEmpty();
        assertThat(PersonNames.proper("   ")).isEmpty();
    }

    /**
     * Every name the test kit's report generators can make from their vocabulary (the DEB013 report's titles,
     * initials from its alphabet, surnames with particles, accents and apostrophes, double-barrelled surnames and
     * couples; the other layout's "SURNAME, FIRST"), each against a plain statement of the rule: the title as
     * written in letters, initials kept, particles small, every other part of a surname capitalised.
     */
    @Test
    void everyPersonTheGeneratorsMakeIsAddressedByTitleInitialsAndSurname() {
        int checked = 0;
        for (String title : Deb013Names.titles()) {
            for (String initials : initials()) {
                for (String surname : SURNAMES) {
                    String name = title + " " + initials + " " + surname;
                    String expected = capitalised(title) + " " + expectedInitials(initials) + " " + surname(surname);
                    assertThat(PersonNames.proper(name)).as(name).isEqualTo(expected);
                    checked++;
                }
            }
        }
        for (String couple : Deb013Names.couples()) {
            for (String surname : SURNAMES) {
                String expected = capitalised(couple.split(" ")[0]) + " & " + capitalised(couple.split(" ")[2]) + " JP "
                        + surname(surname);
                assertThat(PersonNames.proper(couple + " JP " + surname)).isEqualTo(expected);
                checked++;
            }
        }
        for (int i = 0; i < SURNAMES.size(); i++) {
            String second = SURNAMES.get((i * 7 + 3) % SURNAMES.size());
            String name = "MNR F " + SURNAMES.get(i) + "-" + second;
            assertThat(PersonNames.proper(name)).as(name).isEqualTo("Mnr F " + surname(SURNAMES.get(i) + "-" + second));
            checked++;
        }
        for (String surname : SURNAMES) {
            for (String first : List.of("JOHAN", "ZOË", "SIPHO", "HÉLÈNE")) {
                String name = surname + ", " + first;
                assertThat(PersonNames.proper(name))
                        .as(name)
                        .isEqualTo(startOfName(surname(surname)) + ", " + capitalised(first));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20_000);
    }

    /** Businesses: words capitalised, "CC" and "B&B" kept, "(Pty) Ltd", numbers untouched. */
    @Test
    void everyBusinessTheGeneratorsMakeKeepsItsCompanyWords() {
        List<String> names = new ArrayList<>(Deb013Names.fixedBusinesses());
        names.addAll(Deb013Names.junkNames());
        for (String place : Deb013Names.places()) {
            for (String kind : Deb013Names.kinds()) {
                for (String suffix : Deb013Names.suffixes()) {
                    names.add((place + " " + kind + " " + suffix).strip());
                }
            }
        }
        for (String name : names) {
            String proper = PersonNames.proper(name);
            assertThat(proper.toUpperCase(Locale.ROOT)).as(name).isEqualTo(name);
            for (String word : proper.split(" ")) {
                if (KEPT.contains(word) || !word.chars().anyMatch(Character::isLetter)) {
                    continue;
                }
                String letters = word.replaceAll("^\\(", "");
                assertThat(Character.isUpperCase(letters.codePointAt(0)) || LOWER_CASE_WORDS.contains(word))
                        .as("'%s' in '%s'", word, proper)
                        .isTrue();
                assertThat(letters.length() == 1 || !letters.equals(letters.toUpperCase(Locale.ROOT)))
                        .as("'%s' left in capitals in '%s'", word, proper)
                        .isTrue();
            }
            if (name.endsWith("(PTY) LTD")) {
                assertThat(proper).endsWith("(Pty) Ltd");
            }
            if (name.endsWith(" CC")) {
                assertThat(proper).endsWith(" CC");
            }
        }
    }

    private static final Set<String> KEPT = Set.of("CC", "B&B", "&", "G");

    private static final Set<String> LOWER_CASE_WORDS = Set.of("van", "der", "den", "de", "du", "le");

    /** The DEB013 generator's surnames (read from the test kit: no copy here to keep in step). */
    private static final List<String> SURNAMES = Deb013Names.surnames();

    /** Initials from the DEB013 generator's alphabet: one to three letters, spaced or not. */
    private static List<String> initials() {
        String alphabet = Deb013Names.initialLetters();
        List<String> initials = new ArrayList<>();
        for (char a : alphabet.toCharArray()) {
            initials.add(String.valueOf(a));
        }
        for (int i = 0; i < alphabet.length(); i++) {
            char a = alphabet.charAt(i);
            char b = alphabet.charAt((i * 5 + 1) % alphabet.length());
            char c = alphabet.charAt((i * 11 + 7) % alphabet.length());
            initials.add("" + a + b);
            initials.add("" + a + b + c);
            initials.add(a + " " + b + " " + c);
        }
        initials.addAll(List.of("JJ", "AAM", "JAM", "MAJ", "JAN", "AE", "JAMES"));
        return initials;
    }

    private static String expectedInitials(String initials) {
        if (initials.contains(" ")) {
            return initials; // spaced: one letter each
        }
        if (initials.length() > 3 || PersonNames.SHORT_FIRST_NAMES.contains(initials)) {
            return capitalised(initials); // a first name ("JAMES", "JAN")
        }
        return initials;
    }

    /** The plain rule for the vocabulary: particles small, other parts capitalised after spaces, hyphens, O'. */
    private static String surname(String surname) {
        StringBuilder out = new StringBuilder();
        for (String word : surname.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (LOWER_CASE_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                out.append(word.toLowerCase(Locale.ROOT));
            } else if (word.equals("MC")) {
                out.append("Mc");
            } else {
                StringBuilder part = new StringBuilder();
                for (String hyphenated : word.split("-")) {
                    if (!part.isEmpty()) {
                        part.append('-');
                    }
                    part.append(
                            hyphenated.startsWith("O'")
                                    ? "O'" + capitalised(hyphenated.substring(2))
                                    : capitalised(hyphenated));
                }
                out.append(part);
            }
        }
        return out.toString();
    }

    /** A name that starts with a particle capitalises it: "Van der Merwe, Johan". */
    private static String startOfName(String surname) {
        return Character.toUpperCase(surname.charAt(0)) + surname.substring(1);
    }

    private static String capitalised(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
