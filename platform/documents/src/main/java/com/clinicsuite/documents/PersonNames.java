package com.clinicsuite.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Debtor names as people write them. Age-analysis reports print names in capitals ("MISS FJ DREYER"); letters and
 * statements address people as "Miss FJ Dreyer". {@link #proper(String)} keeps what a word-by-word capitalisation
 * gets wrong:
 *
 * <ul>
 *   <li>titles, English and Afrikaans (MR, MRS, MISS, MS, DR, PROF, MNR, MEV, MEJ, ME, DS, ...), at the start or
 *       after {@code &} ("Mnr &amp; Mev");
 *   <li>initials stay capitals: single letters, letters without a vowel ("FJ"), and up to three letters between a
 *       title and the surname ("Mr EA Smith") unless they are a short first name ("Mrs Ann Smith");
 *   <li>Afrikaans and other particles (van, der, den, de, du, le, la, von, ter, te, da, dos) are lower case inside a
 *       name ("Mr J van der Merwe", "Mrs A du Plessis") and capitalised when the name starts with them ("Van der
 *       Merwe J", "Du Plessis Transport");
 *   <li>Mc and Mac ("McDonald", "MacKenzie", but "Machado", "Mack"), O'Neill and D'Arcy (but "St Mary's"),
 *       hyphenated names ("Dreyer-Maré"), Roman numerals ("III");
 *   <li>company words: "(Pty) Ltd", "(Edms) Bpk", "CC", "BK", "NPC", and other short words without a vowel, which
 *       are abbreviations ("KZN Motors", "B&amp;B Gastehuis"), except the surname of a person ("Mr J Ng").
 * </ul>
 *
 * A name that already mixes capitals and small letters was written by a person and is kept as it is (spaces
 * tidied). Known limit: initials that spell a short first name print as the name ("MR JAN NEL" gives "Mr Jan Nel"
 * also when J, A and N are initials), and a first name of up to three letters that is not on the list prints in
 * capitals ("MRS ZAK NEL" gives "Mrs ZAK Nel").
 */
public final class PersonNames {

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("MR", "Mr"),
            Map.entry("MRS", "Mrs"),
            Map.entry("MISS", "Miss"),
            Map.entry("MS", "Ms"),
            Map.entry("MX", "Mx"),
            Map.entry("DR", "Dr"),
            Map.entry("PROF", "Prof"),
            Map.entry("REV", "Rev"),
            Map.entry("ADV", "Adv"),
            Map.entry("SR", "Sr"),
            Map.entry("MNR", "Mnr"),
            Map.entry("MEV", "Mev"),
            Map.entry("MEJ", "Mej"),
            Map.entry("ME", "Me"),
            Map.entry("DS", "Ds"),
            Map.entry("DOM", "Dom"),
            Map.entry("CAPT", "Capt"),
            Map.entry("COL", "Col"),
            Map.entry("GEN", "Gen"),
            Map.entry("LT", "Lt"),
            Map.entry("MAJ", "Maj"),
            Map.entry("SGT", "Sgt"),
            Map.entry("HON", "Hon"),
            Map.entry("PASTOR", "Pastor"),
            Map.entry("SISTER", "Sister"),
            Map.entry("SUSTER", "Suster"));

    private static final Set<String> PARTICLES =
            Set.of("VAN", "VON", "DER", "DEN", "DE", "DU", "LE", "LA", "TER", "TEN", "TE", "DA", "DOS", "DAS", "DI");

    /** What joins two titles: "Mr &amp; Mrs", "Mnr en Mev". */
    private static final Set<String> JOINERS = Set.of("&", "AND", "EN");

    /** Words whose usual spelling the capitalisation rules would not give (they have no vowel). */
    private static final Map<String, String> WORDS = Map.of(
            "LTD", "Ltd",
            "BPK", "Bpk",
            "ST", "St",
            "MT", "Mt",
            "MC", "Mc");

    /** First names short enough to pass for initials; after a title they print as names ("Mrs Ann Smith"). */
    static final Set<String> SHORT_FIRST_NAMES = Set.of(
            "AL", "ED", "JO", "BO", "ADA", "ALI", "AMY", "ANN", "AVA", "BEN", "BOB", "DAN", "DEB", "DON", "ELI", "EVA",
            "FAY", "GUS", "GUY", "IAN", "IDA", "JAN", "JIM", "JOE", "JON", "JOY", "KAY", "KEN", "KIM", "LEE", "LEN",
            "LIZ", "MAX", "MAY", "MEG", "MIA", "NED", "PAM", "RAY", "REG", "RIA", "ROB", "ROY", "SAM", "SUE", "TED",
            "TIM", "TOM", "VAL", "VIC", "WIM", "ZOË");

    private static final Set<String> ROMAN = Set.of("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII");

    /** Mac + consonant names that are not Mac + name. */
    private static final Set<String> NOT_MAC = Set.of("MACKIE", "MACKLE", "MACKLIN", "MACKO");

    private static final String VOWELS = "AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝ";

    private PersonNames() {}

    /** The name as people write it; null and blank give "". */
    public static String proper(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String tidy = name.strip().replaceAll("\\s+", " ");
        if (!tidy.equals(tidy.toUpperCase(Locale.ROOT)) && !tidy.equals(tidy.toLowerCase(Locale.ROOT))) {
            return tidy; // written by a person: keep it
        }
        String[] tokens = tidy.toUpperCase(Locale.ROOT).split(" ");
        boolean[] title = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            boolean titlePlace = i == 0 || i >= 2 && JOINERS.contains(tokens[i - 1]) && title[i - 2];
            title[i] = titlePlace && TITLES.containsKey(withoutDot(tokens[i]));
        }
        boolean personal = title[0];
        int lastWord = -1;
        for (int i = 0; i < tokens.length; i++) {
            if (hasLetter(tokens[i])) {
                lastWord = i;
            }
        }
        List<String> out = new ArrayList<>(tokens.length);
        boolean afterTitleOrInitials = false;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            boolean initials = false;
            String word;
            if (title[i]) {
                word = TITLES.get(withoutDot(token)) + (token.endsWith(".") ? "." : "");
            } else if (i > 0 && i + 1 < tokens.length && title[i - 1] && title[i + 1] && JOINERS.contains(token)) {
                word = token.equals("&") ? token : token.toLowerCase(Locale.ROOT); // Mnr en Mev
            } else if (PARTICLES.contains(token) && i < lastWord && hasLetter(tokens[i + 1])) {
                word = i == 0 ? capitalise(token) : token.toLowerCase(Locale.ROOT);
            } else if (isInitials(
                    token,
                    personal && i == lastWord,
                    personal && afterTitleOrInitials && i < lastWord,
                    i > 0 && title[i - 1])) {
                initials = true;
                word = token;
            } else {
                word = word(token, personal && i == lastWord);
            }
            afterTitleOrInitials = title[i] || initials;
            out.add(word);
        }
        return String.join(" ", out);
    }

    /**
     * Initials stay capitals: one letter, up to three letters without a vowel ("FJ", "WHS"), or up to three letters
     * after a title or other initials and before the surname ("Mr EA Smith", "Mrs ABM Nel") unless they are a short
     * first name ("Mr Jan Nel"). A person's surname is never initials ("Mr J Ng").
     */
    private static boolean isInitials(String token, boolean surname, boolean beforeSurname, boolean afterTitle) {
        String letters = token.replace(".", "");
        if (letters.isEmpty() || !letters.chars().allMatch(Character::isLetter)) {
            return false;
        }
        if (letters.equals("MC") && !afterTitle) {
            return false; // "MR D MC DONALD" is Mr D Mc Donald; right after a title ("MR MC NEL") MC are initials
        }
        if (letters.length() == 1) {
            return true;
        }
        if (surname || WORDS.containsKey(letters) && !beforeSurname) {
            return false; // "Mr J Ng"; "St Mary's", "(Pty) Ltd"
        }
        return letters.length() <= 3 && (!hasVowel(letters) || beforeSurname && !SHORT_FIRST_NAMES.contains(letters));
    }

    /** One word: capitalised per part (hyphens, apostrophes, brackets, slashes), with the exceptions above. */
    private static String word(String token, boolean surname) {
        StringBuilder out = new StringBuilder(token.length());
        int i = 0;
        char previousSeparator = 0;
        String previousPart = "";
        while (i < token.length()) {
            char c = token.charAt(i);
            if (!Character.isLetter(c)) {
                out.append(c);
                previousSeparator = c;
                i++;
                continue;
            }
            int end = i;
            while (end < token.length() && Character.isLetter(token.charAt(end))) {
                end++;
            }
            String part = token.substring(i, end);
            boolean afterApostrophe = previousSeparator == '\'' || previousSeparator == '’';
            if (afterApostrophe && previousPart.length() > 1) {
                out.append(part.toLowerCase(Locale.ROOT)); // St Mary's, not St Mary'S
            } else {
                out.append(part(part, surname));
            }
            previousPart = part;
            previousSeparator = 0;
            i = end;
        }
        return out.toString();
    }

    private static String part(String part, boolean surname) {
        if (WORDS.containsKey(part)) {
            return WORDS.get(part);
        }
        if (ROMAN.contains(part)) {
            return part;
        }
        if (!surname && part.length() >= 2 && part.length() <= 4 && !hasVowel(part)) {
            return part; // an abbreviation: CC, BK, KZN, NPC
        }
        if (part.startsWith("MC") && part.length() > 3) {
            return "Mc" + capitalise(part.substring(2));
        }
        if (part.startsWith("MAC")
                && part.length() > 5
                && !NOT_MAC.contains(part)
                && !hasVowel(part.substring(3, 4))
                && part.charAt(3) != 'H') {
            return "Mac" + capitalise(part.substring(3));
        }
        return capitalise(part);
    }

    private static String capitalise(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        int first = lower.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(Character.toTitleCase(first))
                .append(lower.substring(Character.charCount(first)))
                .toString();
    }

    private static boolean hasVowel(String letters) {
        return letters.chars().anyMatch(c -> VOWELS.indexOf(c) >= 0);
    }

    private static boolean hasLetter(String token) {
        return token.chars().anyMatch(Character::isLetter);
    }

    private static String withoutDot(String token) {
        return token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
    }
}
