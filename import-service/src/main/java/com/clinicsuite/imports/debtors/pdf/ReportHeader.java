package com.clinicsuite.imports.debtors.pdf;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts from the title block above the column headings: pharmacy name, report date, printed account count.
 * The report date is the one labelled {@code Report date} or {@code AS AT} when there is one, else the first
 * date on a line that is not the print stamp.
 */
final class ReportHeader {

    private static final Pattern BETWEEN_STARS = Pattern.compile("\\*{2,}\\s*(.+?)\\s*\\*{2,}");
    private static final Pattern ACCOUNT_COUNT = Pattern.compile("(?i)ACC(?:OUNT)?[- ]?COUNT\\s*:?\\s*(\\d{1,9})");
    private static final Pattern NAMED_MONTH = Pattern.compile("(?i)\\b(\\d{1,2})[ -]([A-Z]{3,9})[ ,-]+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})[-/](\\d{2})[-/](\\d{2})\\b");
    private static final Pattern LABELLED_DATE =
            Pattern.compile("(?i)REPORT DATE|AS AT|AS OF|DATE\\s*:|PERIOD END(?:ING|ED)?|MONTH END(?:ING)?");
    /** {@code Page 1}, {@code PAGE: 2}, {@code Page 1 of 3}, {@code Page 1/3}: stripped before a name is looked for. */
    private static final Pattern PAGE_STAMP = Pattern.compile("(?i)\\bPAGE\\s*:?\\s*\\d+(?:\\s*(?:/|OF)\\s*\\d+)?");

    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i)AGE ANALYSIS|PAGE\\b|REPORT DATE|PRINTED|SORTED BY|SELECT TYPE|\\bAS AT\\b|\\d{1,2}:\\d{2}");

    private String pharmacyName;
    private LocalDate reportDate;
    private boolean reportDateLabelled;
    private Integer accountCount;

    void read(TextLine line) {
        String text = line.text();
        Matcher count = ACCOUNT_COUNT.matcher(text);
        if (accountCount == null && count.find()) {
            accountCount = Integer.valueOf(count.group(1));
        }
        Matcher stars = BETWEEN_STARS.matcher(text);
        if (stars.find()) {
            pharmacyName = stars.group(1);
        } else if (pharmacyName == null && !line.isRule()) {
            String candidate = PAGE_STAMP.matcher(text).replaceAll("").strip();
            if (candidate.chars().anyMatch(Character::isLetter)
                    && !NOT_A_NAME.matcher(candidate).find()) {
                pharmacyName = candidate;
            }
        }
        boolean labelled = LABELLED_DATE.matcher(text).find();
        if (reportDateLabelled
                || (reportDate != null && !labelled)
                || text.toUpperCase(Locale.ROOT).contains("PRINT")) {
            return;
        }
        LocalDate date = firstDate(text);
        if (date != null) {
            reportDate = date;
            reportDateLabelled = labelled;
        }
    }

    String pharmacyName() {
        return pharmacyName;
    }

    LocalDate reportDate() {
        return reportDate;
    }

    Integer accountCount() {
        return accountCount;
    }

    static LocalDate firstDate(String text) {
        try {
            Matcher named = NAMED_MONTH.matcher(text);
            if (named.find()) {
                Month month = month(named.group(2));
                if (month != null) {
                    return LocalDate.of(Integer.parseInt(named.group(3)), month, Integer.parseInt(named.group(1)));
                }
            }
            Matcher dmy = DAY_MONTH_YEAR.matcher(text);
            if (dmy.find()) {
                return LocalDate.of(
                        Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)), Integer.parseInt(dmy.group(1)));
            }
            Matcher iso = ISO.matcher(text);
            if (iso.find()) {
                return LocalDate.of(
                        Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
        } catch (DateTimeException e) {
            return null; // a printed "date" that is not one: no report date rather than a wrong one
        }
        return null;
    }

    private static Month month(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toUpperCase(Locale.ROOT);
            if (upper.equals(full) || upper.length() >= 3 && full.startsWith(upper)) {
                return month;
            }
        }
        return null;
    }
}
