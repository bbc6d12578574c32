package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AccountRow;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.vocabulary.SaPhoneNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a chunk's accounts into rows to stage, or names the first reason the report cannot be applied. Checked
 * before anything is written, so a bad report fails with a message instead of a database error.
 */
final class ReportAccounts {

    /** NUMERIC(15,2): 13 integer digits. */
    private static final BigDecimal LIMIT = new BigDecimal("10000000000000");

    record Parsed(List<AccountRow> rows, String problem) {}

    private ReportAccounts() {}

    static Parsed parse(List<DebtorReportChunk.Account> accounts) {
        if (accounts == null) {
            return new Parsed(List.of(), "The chunk carries no account list");
        }
        List<AccountRow> rows = new ArrayList<>(accounts.size());
        for (DebtorReportChunk.Account account : accounts) {
            String accNo = account.accNo() == null ? "" : account.accNo().trim();
            if (accNo.isEmpty() || accNo.length() > 32) {
                return new Parsed(List.of(), "An account has no account number (or one longer than 32 characters)");
            }
            String name = account.name() == null ? "" : account.name().trim();
            if (name.length() > 200) {
                return problem("Account " + accNo + ": name longer than 200 characters");
            }
            DebtorReportChunk.Amounts a = account.amounts();
            if (a == null) {
                return problem("Account " + accNo + ": amounts missing");
            }
            BigDecimal[] buckets = {a.current(), a.d30(), a.d60(), a.d90(), a.d120(), a.d150(), a.d180()};
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal bucket : buckets) {
                if (!isMoney(bucket)) {
                    return problem("Account " + accNo + ": an ageing amount is missing or not a 2-decimal amount");
                }
                sum = sum.add(bucket);
            }
            if (!isMoney(a.balance()) || a.balance().compareTo(sum) != 0) {
                return problem("Account " + accNo + ": balance " + a.balance()
                        + " is not the sum of its ageing amounts (" + sum + ")");
            }
            BigDecimal arrears =
                    a.d60().add(a.d90()).add(a.d120()).add(a.d150()).add(a.d180());
            if (arrears.abs().compareTo(LIMIT) >= 0) { // stored beside the buckets (min_balance filters on it)
                return problem("Account " + accNo + ": arrears (60 to 180 days) of " + arrears
                        + " exceed the largest amount stored, 9999999999999.99");
            }
            if (!isOptionalMoney(account.lastPaymentAmount()) || !isOptionalMoney(account.creditLimit())) {
                return problem("Account " + accNo + ": last payment or credit limit is not a 2-decimal amount");
            }
            String email = blankToNull(account.email());
            String phone = blankToNull(account.phone());
            String terms = blankToNull(account.terms());
            if ((email != null && email.length() > 320)
                    || (phone != null && phone.length() > 40)
                    || (terms != null && terms.length() > 20)) {
                return problem("Account " + accNo + ": e-mail, phone or terms too long");
            }
            rows.add(new AccountRow(
                    accNo,
                    name,
                    money(a.current()),
                    money(a.d30()),
                    money(a.d60()),
                    money(a.d90()),
                    money(a.d120()),
                    money(a.d150()),
                    money(a.d180()),
                    money(a.balance()),
                    email == null ? null : email.toLowerCase(Locale.ROOT),
                    phone,
                    SaPhoneNumber.nationalDigitsOf(phone),
                    account.isMedicalAidControl(),
                    account.lastPaymentDate(),
                    money(account.lastPaymentAmount()),
                    terms,
                    money(account.creditLimit())));
        }
        return new Parsed(rows, null);
    }

    private static Parsed problem(String message) {
        return new Parsed(List.of(), message);
    }

    private static boolean isMoney(BigDecimal value) {
        return value != null
                && value.stripTrailingZeros().scale() <= 2
                && value.abs().compareTo(LIMIT) < 0;
    }

    private static boolean isOptionalMoney(BigDecimal value) {
        return value == null || isMoney(value);
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
