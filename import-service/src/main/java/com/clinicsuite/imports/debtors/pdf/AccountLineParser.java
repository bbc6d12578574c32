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

    /** An account line as printed. {@code balanced} is false when no reading made the buckets add up. */
    record AccountLine(String accNo, String name, List<String> phones, AgeingAmounts amounts, boolean balanced) {}

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
        List<String> phones = takePhone(prefix, chosen.gluedPrefix().isEmpty());
        StringBuilder name = new StringBuilder();
        for (TextToken token : prefix) {
            name.append(name.isEmpty() ? "" : " ").append(token.text());
        }
        if (!chosen.gluedPrefix().isEmpty()) {
            name.append(name.isEmpty() ? "" : " ").append(chosen.gluedPrefix());
        }
        return Optional.of(
                new AccountLine(line.token(0).text(), name.toString(), phones, toAmounts(chosen.amounts()), balanced));
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

    /** Removes the telephone from the end of the name tokens when the layout has a telephone column. */
    private List<String> takePhone(List<TextToken> prefix, boolean mayHavePhone) {
        if (layout.phoneColumnX().isEmpty() || !mayHavePhone) {
            return List.of();
        }
        float phoneX = layout.phoneColumnX().get() - COLUMN_TOLERANCE;
        int first = prefix.size();
        while (first > 0
                && prefix.get(first - 1).x0() >= phoneX
                && PHONE_PART.matcher(prefix.get(first - 1).text()).matches()) {
            first--;
        }
        if (first == prefix.size()) {
            return List.of();
        }
        List<TextToken> phone = prefix.subList(first, prefix.size());
        StringBuilder text = new StringBuilder();
        for (TextToken token : phone) {
            text.append(text.isEmpty() ? "" : " ").append(token.text());
        }
        phone.clear();
        return List.of(text.toString());
    }
}
