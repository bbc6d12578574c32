package com.clinicsuite.imports.debtors.pdf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an account line: account number, name (and a telephone where the layout has that column), then the
 * amount columns. Amounts are read from the right, so column drift does not matter; where the text allows more
 * than one reading (a name glued to the first amount, {@code ... PLOT 944.50}; space-grouped thousands next to a
 * name ending in digits) every reading is tried and the one whose buckets add up to its balance wins.
 */
final class AccountLineParser {

    /** Account numbers seen: {@code 000947}, {@code 153}, {@code BROW423}. Never a decimal point. */
    private static final Pattern ACCOUNT_NO = Pattern.compile("(?=[A-Za-z0-9/-]*\\d)[A-Za-z0-9][A-Za-z0-9/-]{0,19}");

    private static final Pattern PHONE_PART = Pattern.compile("[+()\\d-]+");
    /** "R 1 234 567.89" is the widest amount: an R and three groups. */
    private static final int MAX_TOKENS_PER_AMOUNT = 5;
    /** Leeway around the telephone heading, in PDF points (about half a character). */
    private static final float COLUMN_TOLERANCE = 3f;

    /**
     * An account line as printed. {@code balanced} is false when no reading made the buckets add up. {@code phones}
     * in print order; {@code cell} and {@code email} from columns headed so (null when the layout has none or the
     * cell is empty).
     */
    record AccountLine(
            String accNo,
            String name,
            List<String> phones,
            String cell,
            String email,
            AgeingAmounts amounts,
            boolean balanced) {

        AccountLine(String accNo, String name, List<String> phones, AgeingAmounts amounts, boolean balanced) {
            this(accNo, name, phones, null, null, amounts, balanced);
        }
    }

    /** The contact values of one line, by column. */
    private static final class Contacts {
        final List<String> phones = new ArrayList<>();
        String cell;
        String email;

        void add(ColumnLayout.ContactKind kind, String value) {
            switch (kind) {
                case CELL -> {
                    cell = value;
                    phones.add(value);
                }
                case PHONE -> phones.add(value);
                case EMAIL -> email = value;
            }
        }
    }

    /** A reading of the trailing amounts: they start at token {@code start}, after an optional glued prefix. */
    private record Reading(int start, String gluedPrefix, List<BigDecimal> amounts) {}

    private final ColumnLayout layout;

    AccountLineParser(ColumnLayout layout) {
        this.layout = layout;
    }

    Optional<AccountLine> parse(TextLine line) {
        if (line.size() < 1 + layout.amountCount()
                || !ACCOUNT_NO.matcher(line.token(0).text()).matches()) {
            return Optional.empty();
        }
        List<ColumnLayout.Contact> columns = layout.contacts();
        Contacts contacts = columns.isEmpty() ? null : new Contacts();
        List<String> after = List.of();
        float afterX = layout.firstContactAfterAmounts();
        if (!Float.isNaN(afterX)) { // contact columns right of the amounts: cut them off by position
            int cut = line.size();
            while (cut > 1 && line.token(cut - 1).x0() >= afterX - COLUMN_TOLERANCE) {
                cut--;
            }
            if (cut < line.size()) {
                after = columnValues(line.tokens().subList(cut, line.size()), true);
                line = new TextLine(line.tokens().subList(0, cut));
                if (line.size() < 1 + layout.amountCount()) {
                    return Optional.empty();
                }
            }
        }
        List<Reading> readings = readings(line, 1, true);
        if (readings.isEmpty()) {
            return Optional.empty();
        }
        Reading chosen = readings.stream().filter(this::balances).findFirst().orElse(null);
        boolean balanced = chosen != null;
        if (chosen == null) {
            chosen = readings.get(0);
        }
        List<TextToken> prefix = new ArrayList<>(line.tokens().subList(1, chosen.start()));
        List<String> before = takeContacts(prefix, chosen.gluedPrefix().isEmpty());
        StringBuilder name = new StringBuilder();
        for (TextToken token : prefix) {
            name.append(name.isEmpty() ? "" : " ").append(token.text());
        }
        if (!chosen.gluedPrefix().isEmpty()) {
            name.append(name.isEmpty() ? "" : " ").append(chosen.gluedPrefix());
        }
        if (contacts == null) {
            return Optional.of(new AccountLine(
                    line.token(0).text(), name.toString(), List.of(), toAmounts(chosen.amounts()), balanced));
        }
        // columnValues gives kind ordinal + value pairs, flattened
        for (List<String> values : List.of(before, after)) {
            for (int i = 0; i < values.size(); i += 2) {
                contacts.add(ColumnLayout.ContactKind.values()[Integer.parseInt(values.get(i))], values.get(i + 1));
            }
        }
        return Optional.of(new AccountLine(
                line.token(0).text(),
                name.toString(),
                contacts.phones,
                contacts.cell,
                contacts.email,
                toAmounts(chosen.amounts()),
                balanced));
    }

    /**
     * The amounts at the end of a line that carries nothing else from {@code from} on (totals rows), or carries
     * a label before them ({@code TOTALS 25 accounts ...}).
     */
    Optional<AgeingAmounts> trailingAmounts(TextLine line, int from) {
        return readings(line, from, false).stream().findFirst().map(r -> toAmounts(r.amounts()));
    }

    /** The amounts of a line that prints nothing but the amount columns (a totals row under its label). */
    Optional<AgeingAmounts> amountsOnly(TextLine line) {
        return readings(line, 0, false).stream()
                .filter(r -> r.start() == 0)
                .findFirst()
                .map(r -> toAmounts(r.amounts()));
    }

    private boolean balances(Reading reading) {
        if (!layout.hasBalanceColumn()) {
            return true;
        }
        AgeingAmounts amounts = toAmounts(reading.amounts());
        return amounts.bucketSum().compareTo(amounts.balance()) == 0;
    }

    private AgeingAmounts toAmounts(List<BigDecimal> amounts) {
        Map<Bucket, BigDecimal> values = new EnumMap<>(Bucket.class);
        for (int i = 0; i < amounts.size(); i++) {
            values.merge(layout.amountColumns().get(i), amounts.get(i), BigDecimal::add);
        }
        return AgeingAmounts.of(values);
    }

    /** Every reading of the line's last amount columns, plain readings first, widest amounts first. */
    private List<Reading> readings(TextLine line, int minStart, boolean allowGlue) {
        List<Reading> plain = new ArrayList<>();
        List<Reading> glued = new ArrayList<>();
        BigDecimal[] amounts = new BigDecimal[layout.amountCount()];
        search(line, line.size(), layout.amountCount() - 1, minStart, amounts, plain, glued, allowGlue);
        plain.addAll(glued);
        return plain;
    }

    private void search(
            TextLine line,
            int end,
            int column,
            int minStart,
            BigDecimal[] amounts,
            List<Reading> plain,
            List<Reading> glued,
            boolean allowGlue) {
        if (column < 0) {
            plain.add(new Reading(end, "", List.of(amounts.clone())));
            return;
        }
        for (int span = Math.min(MAX_TOKENS_PER_AMOUNT, end - minStart); span >= 1; span--) {
            int start = end - span;
            if (!groupable(line, start, end)) {
                continue;
            }
            String text = join(line, start, end);
            BigDecimal value = AmountFormat.parse(text);
            if (value != null) {
                amounts[column] = value;
                search(line, start, column - 1, minStart, amounts, plain, glued, allowGlue);
            }
            if (column == 0 && allowGlue) {
                glue(line, start, text, amounts, glued);
            }
        }
    }

    /** The leftmost amount may have no blank before it: try every split of its first token. */
    private static void glue(TextLine line, int start, String text, BigDecimal[] amounts, List<Reading> glued) {
        String first = line.token(start).text();
        for (int cut = 1; cut < first.length(); cut++) {
            char c = first.charAt(cut);
            if (!Character.isDigit(c) && c != '.' && c != '(' && c != '-') {
                continue;
            }
            BigDecimal value = AmountFormat.parse(text.substring(cut));
            if (value != null) {
                amounts[0] = value;
                glued.add(new Reading(start, first.substring(0, cut), List.of(amounts.clone())));
            }
        }
    }

    /** Tokens form one amount only inside one drawn cell, continued by 3-digit groups. */
    private static boolean groupable(TextLine line, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            TextToken token = line.token(i);
            if (token.cell() != line.token(start).cell() || !AmountFormat.isGroupContinuation(token.text())) {
                return false;
            }
        }
        return true;
    }

    private static String join(TextLine line, int start, int end) {
        if (end - start == 1) {
            return line.token(start).text();
        }
        StringBuilder text = new StringBuilder(line.token(start).text());
        for (int i = start + 1; i < end; i++) {
            text.append(' ').append(line.token(i).text());
        }
        return text.toString();
    }

    /**
     * Removes the contact values (telephone, cell, e-mail columns left of the amounts) from the end of the name
     * tokens: tokens right of the first such column's heading; a number column takes only what reads as a phone
     * number, so a name running into it stays a name.
     */
    private List<String> takeContacts(List<TextToken> prefix, boolean mayHaveContacts) {
        if (layout.phoneColumnX().isEmpty() || !mayHaveContacts) {
            return List.of();
        }
        float firstX = layout.phoneColumnX().get() - COLUMN_TOLERANCE;
        int first = prefix.size();
        while (first > 0 && prefix.get(first - 1).x0() >= firstX) {
            TextToken token = prefix.get(first - 1);
            ColumnLayout.Contact column = columnAt(token.x0(), false);
            if (column == null
                    || column.kind() != ColumnLayout.ContactKind.EMAIL
                            && !PHONE_PART.matcher(token.text()).matches()) {
                break;
            }
            first--;
        }
        if (first == prefix.size()) {
            return List.of();
        }
        List<TextToken> taken = prefix.subList(first, prefix.size());
        List<String> values = columnValues(taken, false);
        taken.clear();
        return values;
    }

    /** The contact column a token starting at {@code x0} falls in: the last one whose heading starts left of it. */
    private ColumnLayout.Contact columnAt(float x0, boolean afterAmounts) {
        ColumnLayout.Contact found = null;
        for (ColumnLayout.Contact contact : layout.contacts()) {
            if (contact.afterAmounts() == afterAmounts && contact.x0() - COLUMN_TOLERANCE <= x0) {
                found = contact;
            }
        }
        return found;
    }

    /** The tokens' values per column, as (kind ordinal, value) pairs in print order; a column's tokens joined. */
    private List<String> columnValues(List<TextToken> tokens, boolean afterAmounts) {
        List<String> values = new ArrayList<>();
        ColumnLayout.Contact open = null;
        StringBuilder text = new StringBuilder();
        for (TextToken token : tokens) {
            ColumnLayout.Contact column = columnAt(token.x0(), afterAmounts);
            if (column == null) {
                continue;
            }
            if (column != open) {
                flush(values, open, text);
                open = column;
            }
            text.append(text.isEmpty() ? "" : " ").append(token.text());
        }
        flush(values, open, text);
        return values;
    }

    private static void flush(List<String> values, ColumnLayout.Contact column, StringBuilder text) {
        if (column != null && !text.isEmpty()) {
            values.add(Integer.toString(column.kind().ordinal()));
            values.add(text.toString());
        }
        text.setLength(0);
    }
}
