package com.clinicsuite.imports.debtors.pdf;

import static com.clinicsuite.events.imports.DebtorReportChunk.Account.MAX_ACC_NO_LENGTH;
import static com.clinicsuite.events.imports.DebtorReportChunk.Account.MAX_EMAIL_LENGTH;
import static com.clinicsuite.events.imports.DebtorReportChunk.Account.MAX_NAME_LENGTH;
import static com.clinicsuite.events.imports.DebtorReportChunk.Account.MAX_PHONES;
import static com.clinicsuite.events.imports.DebtorReportChunk.Account.MAX_PHONE_LENGTH;
import static com.clinicsuite.events.imports.DebtorReportChunk.Account.MAX_TERMS_LENGTH;

import com.clinicsuite.events.imports.DebtorReportChunk;

/**
 * Every account must fit what {@link DebtorReportChunk.Account} carries (debtor-service's column sizes). A report
 * with a longer value is refused whole, naming the account, rather than cut: an upload replaces all the pharmacy's
 * debtors, so a report is imported only as printed (and debtor-service would refuse it anyway, after the upload was
 * already handed over). The bound is also what keeps each report chunk within the broker's message size.
 */
final class AccountFieldLimits {

    private AccountFieldLimits() {}

    static void check(ParsedReport report) throws ReportRejectedException {
        for (ParsedAccount account : report.accounts()) {
            if (account.accNo().length() > MAX_ACC_NO_LENGTH) {
                throw refuse("An account number of " + account.accNo().length() + " characters was read (starting "
                        + account.accNo().substring(0, MAX_ACC_NO_LENGTH) + "); account numbers have at most "
                        + MAX_ACC_NO_LENGTH + ".");
            }
            String problem = problem(account);
            if (problem != null) {
                throw refuse("Account " + account.accNo() + " " + problem + ".");
            }
        }
    }

    private static String problem(ParsedAccount account) {
        if (tooLong(account.name(), MAX_NAME_LENGTH)) {
            return tooLong("a name", account.name().length(), MAX_NAME_LENGTH);
        }
        if (tooLong(account.email(), MAX_EMAIL_LENGTH)) {
            return tooLong("an e-mail address", account.email().length(), MAX_EMAIL_LENGTH);
        }
        if (tooLong(account.terms(), MAX_TERMS_LENGTH)) {
            return tooLong("terms", account.terms().length(), MAX_TERMS_LENGTH);
        }
        if (account.phones().size() > MAX_PHONES) {
            return "lists " + account.phones().size() + " phone numbers; at most " + MAX_PHONES + " are read";
        }
        for (String phone : account.phones()) {
            if (tooLong(phone, MAX_PHONE_LENGTH)) {
                return tooLong("a phone number", phone.length(), MAX_PHONE_LENGTH);
            }
        }
        return tooLong(account.phone(), MAX_PHONE_LENGTH)
                ? tooLong("a phone number", account.phone().length(), MAX_PHONE_LENGTH)
                : null;
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    private static String tooLong(String field, int length, int max) {
        return "has " + field + " of " + length + " characters; at most " + max + " are allowed";
    }

    private static ReportRejectedException refuse(String problem) {
        return new ReportRejectedException(
                ReportRejectedException.Reason.INVALID_CONTENT,
                problem + " The report cannot be imported as it is: correct the account in the dispensing "
                        + "system and export the report again.");
    }
}
