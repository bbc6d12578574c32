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
 * The columns of a report, learnt from its column-heading line rather than from fixed offsets: which amount
 * columns it prints, in which order, and where a telephone column starts when it has one. Headings seen so far:
 * {@code CURRENT 30DAYS 60-DAYS ... BALANCE}, {@code Current 30 Days ... 180+ Days Balance}.
 *
 * @param amountColumns the amount columns left to right; the last is usually {@link Bucket#BALANCE}
 * @param phoneColumnX  where a telephone column's heading starts (PDF points), when the heading has one
 */
public record ColumnLayout(List<Bucket> amountColumns, Optional<Float> phoneColumnX) {

    private static final Pattern DAYS = Pattern.compile("(?:OVER)?(\\d{2,3})\\+?(?:-?DAYS?\\+?)?");
    private static final Set<String> CURRENT = Set.of("CURRENT", "CURR", "CUR");
    private static final Set<String> BALANCE = Set.of("BALANCE", "BAL", "TOTAL", "OUTSTANDING");
    private static final Set<String> PHONE =
            Set.of("TEL", "TEL.", "TELEPHONE", "PHONE", "CELL", "MOBILE", "CONTACT NO");

    public ColumnLayout {
        amountColumns = List.copyOf(amountColumns);
    }

    public int amountCount() {
        return amountColumns.size();
    }

    public boolean hasBalanceColumn() {
        return amountColumns.contains(Bucket.BALANCE);
    }

    /** The layout this line heads, if it is a column-heading line. */
    static Optional<ColumnLayout> detect(TextLine line) {
        List<Bucket> columns = new ArrayList<>();
        Set<Bucket> seen = EnumSet.noneOf(Bucket.class);
        Float phoneX = null;
        int dayColumns = 0;
        for (TextToken token : line.tokens()) {
            String word = token.text().toUpperCase(Locale.ROOT).replaceAll("[:|]", "");
            Bucket bucket = null;
            if (CURRENT.contains(word)) {
                bucket = Bucket.CURRENT;
            } else if (BALANCE.contains(word)) {
                bucket = Bucket.BALANCE;
            } else if (PHONE.contains(word) && phoneX == null && columns.isEmpty()) {
                phoneX = token.x0();
            } else {
                Matcher days = DAYS.matcher(word);
                if (days.matches()) {
                    bucket = Bucket.forDays(Integer.parseInt(days.group(1)));
                    dayColumns++;
                }
            }
            if (bucket != null && seen.add(bucket)) {
                columns.add(bucket);
            }
        }
        boolean heading =
                seen.contains(Bucket.CURRENT) && dayColumns >= 2 && (seen.contains(Bucket.BALANCE) || dayColumns >= 3);
        return heading ? Optional.of(new ColumnLayout(columns, Optional.ofNullable(phoneX))) : Optional.empty();
    }
}
