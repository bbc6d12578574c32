package com.clinicsuite.imports.debtors.pdf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a parsed report against itself before anything is imported: every account's buckets add up to its
 * balance, the column sums equal the printed totals, and the account count equals the printed one. A report
 * that fails is refused whole, with a message naming the column and the difference, so a misread report never
 * replaces a pharmacy's debtors.
 */
public final class ReportReconciliation {

    private static final int MAX_ACCOUNTS_NAMED = 3;

    private ReportReconciliation() {}

    public static void check(ParsedReport report) throws ReportRejectedException {
        try {
            checkContent(report);
        } catch (ReportRejectedException e) {
            if (report.recognisedLayout() == null) {
                throw e;
            }
            throw invalid(e.getMessage() + " Column headings recognised: " + report.recognisedLayout() + ".");
        }
    }

    private static void checkContent(ParsedReport report) throws ReportRejectedException {
        if (report.accounts().isEmpty()) {
            throw invalid("The report lists no accounts. Check that the right report (debtors age analysis with "
                    + "all accounts) was exported.");
        }
        checkAccountBalances(report);
        if (report.printedTotals() == null) {
            throw invalid("The report has no totals row, so it cannot be checked; it may be incomplete. Export "
                    + "the full report again.");
        }
        AgeingAmounts computed = report.accountTotals();
        List<String> differences = new ArrayList<>();
        for (Bucket bucket : Bucket.values()) {
            BigDecimal printed = report.printedTotals().get(bucket);
            BigDecimal sum = computed.get(bucket);
            if (printed.compareTo(sum) != 0) {
                differences.add(String.format(
                        "%s differs by %s (printed %s, accounts add up to %s)",
                        bucket.label(),
                        printed.subtract(sum).abs().toPlainString(),
                        printed.toPlainString(),
                        sum.toPlainString()));
            }
        }
        if (!differences.isEmpty()) {
            throw invalid("The report's printed totals do not match its accounts: " + String.join("; ", differences)
                    + ". The report was not imported.");
        }
        checkCount("page header", report.headerAccountCount(), report.accounts().size());
        checkCount("totals row", report.totalsAccountCount(), report.accounts().size());
    }

    private static void checkAccountBalances(ParsedReport report) throws ReportRejectedException {
        List<String> unbalanced = new ArrayList<>();
        int count = 0;
        for (ParsedAccount account : report.accounts()) {
            AgeingAmounts a = account.amounts();
            if (a.bucketSum().compareTo(a.balance()) != 0) {
                count++;
                if (unbalanced.size() < MAX_ACCOUNTS_NAMED) {
                    unbalanced.add(String.format(
                            "account %s: buckets add up to %s, balance is %s",
                            account.accNo(),
                            a.bucketSum().toPlainString(),
                            a.balance().toPlainString()));
                }
            }
        }
        if (count > 0) {
            throw invalid(count + " account(s) could not be read consistently (" + String.join("; ", unbalanced)
                    + "). The report was not imported.");
        }
    }

    private static void checkCount(String where, Integer printed, int parsed) throws ReportRejectedException {
        if (printed != null && printed != parsed) {
            throw invalid(String.format(
                    "The %s says %d accounts but %d were read. The report was not imported.", where, printed, parsed));
        }
    }

    private static ReportRejectedException invalid(String message) {
        return new ReportRejectedException(ReportRejectedException.Reason.INVALID_CONTENT, message);
    }
}
