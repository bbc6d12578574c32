package com.clinicsuite.imports.debtors.pdf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a report, learnt from its column-heading row rather than from fixed offsets: which amount
 * columns it prints and in which order (the balance may come first or last), where the name column is, and
 * where contact columns (telephone, cell number, e-mail address) sit, before or after the amounts. Headings are
 * recognised by a vocabulary (docs/parser-design.md): {@code CURRENT 30DAYS 60-DAYS ... BALANCE},
 * {@code Current 30 Days ... 180+ Days Balance}, {@code Balance Curr ... 180 Days+ Cell No E-Mail Address},
 * {@code Cell No Contact No E-Mail Address Current ... 180+ Balance Due}, {@code Total Current 30 ... 180+}.
 *
 * @param amountColumns the amount columns left to right
 * @param phoneColumnX  where the first contact column before the amounts starts (PDF points), when there is one
 * @param contacts      the contact columns left to right
 * @param name          the name column's extent: its heading's start to the next heading's start; absent when the
 *                      heading row names no name column (DEB013's {@code <--- N A M E --->})
 * @param heading       the heading row as printed
 * @param mapping       each recognised heading and the field it was mapped to, in print order ({@code Curr ->
 *                      Current})
 */
public record ColumnLayout(
        List<Bucket> amountColumns,
        Optional<Float> phoneColumnX,
        List<Contact> contacts,
        Optional<Span> name,
        String heading,
        List<String> mapping) {

    /** What a contact column holds. {@link #PHONE}: a number of unstated kind ({@code Telephone}, {@code Contact No}). */
    public enum ContactKind {
        PHONE,
        CELL,
        EMAIL
    }

    /**
     * A contact column: its heading starts at {@code x0}; {@code afterAmounts} when it is printed right of the
     * amount columns.
     */
    public record Contact(ContactKind kind, float x0, boolean afterAmounts) {}

    /** A horizontal extent in PDF points. */
    public record Span(float x0, float x1) {}

    private static final Pattern DAYS = Pattern.compile("(?:OVER)?(\\d{2,3})\\+?(?:-?DAYS?\\+?)?");
    private static final Set<String> CURRENT = Set.of("CURRENT", "CURR", "CUR");
    private static final Set<String> BALANCE = Set.of("BALANCE", "BAL", "TOTAL", "OUTSTANDING");
    private static final Set<String> PHONE = Set.of("TEL", "TEL.", "TELEPHONE", "PHONE");
    private static final Set<String> CELL = Set.of("CELL", "CELLPHONE", "MOBILE");
    private static final Set<String> EMAIL = Set.of("E-MAIL", "EMAIL", "E-MAIL:");
    /** Second words of contact headings: {@code Contact No}, {@code Cell No}, {@code E-Mail Address}. */
    private static final Set<String> NUMBER_WORD = Set.of("NO", "NO.", "NUMBER", "NUM");

    private static final Set<String> NAME = Set.of("NAME", "DEBTOR", "CUSTOMER", "PATIENT");

    public ColumnLayout {
        amountColumns = List.copyOf(amountColumns);
        contacts = List.copyOf(contacts);
        mapping = List.copyOf(mapping);
    }

    /** The layout of the existing two-argument form: amounts and a telephone column before them. */
    public ColumnLayout(List<Bucket> amountColumns, Optional<Float> phoneColumnX) {
        this(
                amountColumns,
                phoneColumnX,
                phoneColumnX
                        .map(x -> List.of(new Contact(ContactKind.PHONE, x, false)))
                        .orElse(List.of()),
                Optional.empty(),
                "",
                List.of());
    }

    public int amountCount() {
        return amountColumns.size();
    }

    public boolean hasBalanceColumn() {
        return amountColumns.contains(Bucket.BALANCE);
    }

    /** Where the first contact column after the amounts starts, or NaN when there is none. */
    float firstContactAfterAmounts() {
        for (Contact contact : contacts) {
            if (contact.afterAmounts()) {
                return contact.x0();
            }
        }
        return Float.NaN;
    }

    /** What was recognised, for messages: {@code 'Acc No Name Balance ...' (Balance -> Balance, Curr -> Current)}. */
    public String describe() {
        return "'" + heading + "' (" + String.join(", ", mapping) + ")";
    }

    /** True for a heading cell that names an amount column ({@code Current}, {@code 30 Days}, {@code Balance Due}). */
    public static boolean isAmountHeading(String text) {
        String[] words = text.strip().split("\\s+");
        String word = words[0].toUpperCase(Locale.ROOT).replaceAll("[:|]", "");
        return CURRENT.contains(word)
                || BALANCE.contains(word)
                || DAYS.matcher(word).matches();
    }

    /**
     * The amount column the heading vocabulary reads a heading as, if it reads it as one: the first of its words that
     * is an amount heading ({@code 60 Days} -> 60 days, {@code Balance Due} -> Balance, {@code Over 90} -> 90 days).
     * A number of days under 30 ({@code 12 Months}) is no ageing heading here. Used to refuse an explicit map that
     * contradicts the vocabulary ({@link ColumnMap#of}).
     */
    static Optional<Bucket> vocabularyAmount(String heading) {
        for (String text : heading.strip().split("\\s+")) {
            String word = text.toUpperCase(Locale.ROOT).replaceAll("[:|]", "");
            if (CURRENT.contains(word)) {
                return Optional.of(Bucket.CURRENT);
            }
            if (BALANCE.contains(word)) {
                return Optional.of(Bucket.BALANCE);
            }
            Matcher days = DAYS.matcher(word);
            if (days.matches() && Integer.parseInt(days.group(1)) >= 30) {
                return Optional.of(Bucket.forDays(Integer.parseInt(days.group(1))));
            }
        }
        return Optional.empty();
    }

    /** The layout this line heads, if it is a column-heading line (the vocabulary alone). */
    static Optional<ColumnLayout> detect(TextLine line) {
        return detect(line, ColumnMap.NONE);
    }

    /**
     * The layout this line heads, if it is a column-heading line. The explicit {@code map} is consulted first (its
     * longest heading that matches the words at a position wins); the vocabulary then reads the other headings. A
     * line with a mapped heading is a heading line when it has at least two amount columns.
     */
    static Optional<ColumnLayout> detect(TextLine line, ColumnMap map) {
        int maxWords = map.maxWords();
        boolean mappedHeading = false;
        List<Bucket> columns = new ArrayList<>();
        Set<Bucket> seen = EnumSet.noneOf(Bucket.class);
        List<Contact> contacts = new ArrayList<>();
        Set<ContactKind> contactKinds = EnumSet.noneOf(ContactKind.class);
        List<String> mapping = new ArrayList<>();
        Float phoneX = null;
        Float nameX0 = null;
        Float nameX1 = null;
        int dayColumns = 0;
        int size = line.size();
        for (int i = 0; i < size; i++) {
            TextToken token = line.token(i);
            String word = token.text().toUpperCase(Locale.ROOT).replaceAll("[:|]", "");
            String next = i + 1 < size ? line.token(i + 1).text().toUpperCase(Locale.ROOT) : "";
            Bucket bucket = null;
            ContactKind contact = null;
            ColumnMap.Field mapped = null;
            int mappedWords = 0;
            for (int n = Math.min(maxWords, size - i); n >= 1 && mapped == null; n--) {
                StringBuilder text = new StringBuilder(token.text());
                for (int k = 1; k < n; k++) {
                    text.append(' ').append(line.token(i + k).text());
                }
                Optional<ColumnMap.Field> field = map.field(text.toString());
                if (field.isPresent()) {
                    mapped = field.get();
                    mappedWords = n;
                    mappedHeading = true;
                    String printed = text.toString();
                    if (mapped == ColumnMap.Field.NAME) {
                        if (nameX0 == null) {
                            nameX0 = token.x0();
                        }
                    } else if (mapped.bucket().isPresent()) {
                        bucket = mapped.bucket().get();
                        if (bucket != Bucket.CURRENT && bucket != Bucket.BALANCE) {
                            dayColumns++;
                        }
                    } else if (mapped.contact().isPresent()) {
                        contact = mapped.contact().get();
                    }
                    if (bucket == null && contact == null) {
                        mapping.add(printed + " -> " + mapped.key() + " (column_map)");
                    }
                }
            }
            if (mapped != null) {
                // handled by the map
            } else if (CURRENT.contains(word)) {
                bucket = Bucket.CURRENT;
            } else if (BALANCE.contains(word)) {
                bucket = Bucket.BALANCE;
            } else if (PHONE.contains(word) || word.equals("CONTACT") && NUMBER_WORD.contains(next)) {
                contact = ContactKind.PHONE;
            } else if (CELL.contains(word)) {
                contact = ContactKind.CELL;
            } else if (EMAIL.contains(word)) {
                contact = ContactKind.EMAIL;
            } else if (NAME.contains(word) && nameX0 == null && columns.isEmpty()) {
                nameX0 = token.x0();
                mapping.add(token.text() + " -> name");
            } else {
                Matcher days = DAYS.matcher(word);
                if (days.matches()) {
                    bucket = Bucket.forDays(Integer.parseInt(days.group(1)));
                    dayColumns++;
                }
            }
            if (nameX0 != null && nameX1 == null && (bucket != null || contact != null)) {
                nameX1 = token.x0(); // the name column ends where the next column's heading starts
            }
            String printed = mapped != null ? mappedText(line, i, mappedWords) : null;
            String source = mapped != null ? " (column_map)" : "";
            if (bucket != null && seen.add(bucket)) {
                columns.add(bucket);
                mapping.add((printed != null ? printed : headingText(line, i)) + " -> " + bucket.label() + source);
            }
            if (contact != null && contactKinds.add(contact)) {
                boolean after = !columns.isEmpty();
                contacts.add(new Contact(contact, token.x0(), after));
                mapping.add((printed != null ? printed : headingText(line, i)) + " -> "
                        + contact.name().toLowerCase(Locale.ROOT).replace('_', '-') + source);
                if (!after && phoneX == null) {
                    phoneX = token.x0();
                }
            }
            if (mappedWords > 1) {
                i += mappedWords - 1; // the mapped heading's other words are read
            }
        }
        boolean heading = mappedHeading
                ? columns.size() >= 2
                : seen.contains(Bucket.CURRENT)
                        && dayColumns >= 2
                        && (seen.contains(Bucket.BALANCE) || dayColumns >= 3);
        if (!heading) {
            return Optional.empty();
        }
        Optional<Span> name = nameX0 == null
                ? Optional.empty()
                : Optional.of(new Span(nameX0, nameX1 == null ? Float.MAX_VALUE : nameX1));
        return Optional.of(
                new ColumnLayout(columns, Optional.ofNullable(phoneX), contacts, name, line.text(), mapping));
    }

    private static String mappedText(TextLine line, int i, int words) {
        StringBuilder text = new StringBuilder(line.token(i).text());
        for (int k = 1; k < words; k++) {
            text.append(' ').append(line.token(i + k).text());
        }
        return text.toString();
    }

    /** A heading word with its second word when it has one ({@code 30 Days}, {@code Cell No}, {@code Balance Due}). */
    private static String headingText(TextLine line, int i) {
        if (i + 1 < line.size()) {
            String next = line.token(i + 1).text();
            String upper = next.toUpperCase(Locale.ROOT);
            if (upper.startsWith("DAY")
                    || NUMBER_WORD.contains(upper)
                    || upper.equals("DUE")
                    || upper.equals("ADDRESS")) {
                return line.token(i).text() + " " + next;
            }
        }
        return line.token(i).text();
    }
}
