package com.clinicsuite.imports.debtors.pdf;

import java.time.LocalDate;
import java.util.List;

/**
 * A debtors age analysis as printed, before any check.
 *
 * @param printedTotals       the report's TOTALS / GRAND TOTAL row, null when it printed none
 * @param headerAccountCount  the account count in the page header ({@code ACC-COUNT:000311}), when printed
 * @param totalsAccountCount  the account count on the totals row ({@code 25 accounts}), when printed
 * @param recognisedLayout    the heading row and how its columns were mapped ({@link ColumnLayout#describe()}), for
 *                            messages; null when not known
 */
public record ParsedReport(
        String pharmacyName,
        LocalDate reportDate,
        Integer headerAccountCount,
        Integer totalsAccountCount,
        AgeingAmounts printedTotals,
        List<ParsedAccount> accounts,
        int pageCount,
        String recognisedLayout) {

    public ParsedReport {
        accounts = List.copyOf(accounts);
    }

    public ParsedReport(
            String pharmacyName,
            LocalDate reportDate,
            Integer headerAccountCount,
            Integer totalsAccountCount,
            AgeingAmounts printedTotals,
            List<ParsedAccount> accounts,
            int pageCount) {
        this(
                pharmacyName,
                reportDate,
                headerAccountCount,
                totalsAccountCount,
                printedTotals,
                accounts,
                pageCount,
                null);
    }

    /** The column sums of the accounts. */
    public AgeingAmounts accountTotals() {
        AgeingAmounts sum = AgeingAmounts.ZERO;
        for (ParsedAccount account : accounts) {
            sum = sum.plus(account.amounts());
        }
        return sum;
    }
}
