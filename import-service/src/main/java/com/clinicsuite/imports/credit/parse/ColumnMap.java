package com.clinicsuite.imports.credit.parse;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Where each known column sits in a sheet, read from its header row. */
public final class ColumnMap {

    /** A row naming at least this many known columns is taken as the header (a title row names none or one). */
    static final int MIN_HEADER_MATCHES = 4;

    private final Map<CreditColumn, Integer> index;

    private ColumnMap(Map<CreditColumn, Integer> index) {
        this.index = index;
    }

    /** The columns a row's cells name; the first cell naming a column wins when one is named twice. */
    public static ColumnMap fromHeaderCells(String[] cells) {
        Map<CreditColumn, Integer> index = new EnumMap<>(CreditColumn.class);
        for (int i = 0; i < cells.length; i++) {
            int position = i;
            CreditColumn.forHeading(cells[i]).ifPresent(column -> index.putIfAbsent(column, position));
        }
        return new ColumnMap(index);
    }

    public boolean looksLikeHeader() {
        return index.size() >= MIN_HEADER_MATCHES;
    }

    public List<CreditColumn> missingRequired() {
        return java.util.Arrays.stream(CreditColumn.values())
                .filter(c -> c.required() && !index.containsKey(c))
                .toList();
    }

    public boolean has(CreditColumn column) {
        return index.containsKey(column);
    }

    /** The cell text of a column, trimmed, or {@code null} when blank or the column is absent. */
    public String text(String[] cells, CreditColumn column) {
        Integer i = index.get(column);
        if (i == null || i >= cells.length || cells[i] == null) {
            return null;
        }
        String text = cells[i].strip();
        return text.isEmpty() ? null : text;
    }

    /** How many of the known columns hold something in this row. */
    public int filledCount(String[] cells) {
        int filled = 0;
        for (CreditColumn column : index.keySet()) {
            if (text(cells, column) != null) {
                filled++;
            }
        }
        return filled;
    }
}
