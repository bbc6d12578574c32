package com.clinicsuite.documents;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a statement of account prints: one debtor of one pharmacy. Plain data (it travels as JSON between services
 * and is stored with a delivery), rendered by {@link StatementPdf}. Personal data: {@link #toString()} hides it.
 *
 * @param letterhead  the pharmacy as its notification settings present it
 * @param debtorName  as the report has it; printed as people write names ({@link PersonNames})
 * @param accNo       the account number, which is also the payment reference
 * @param email       the debtor's e-mail address, or null
 * @param phone       the debtor's phone number, or null
 * @param balancesAt  the date of the age analysis the balances come from, or null when unknown
 * @param printedOn   the day the statement was made
 * @param ageing      the balance by age
 * @param language    {@code en} or {@code af}; anything else prints English
 */
public record Statement(
        Letterhead letterhead,
        String debtorName,
        String accNo,
        String email,
        String phone,
        LocalDate balancesAt,
        LocalDate printedOn,
        Ageing ageing,
        String language) {

    /** The pharmacy's name, contact phone and bank details; any of them may be null. */
    public record Letterhead(String name, String phone, String bankDetails) {}

    /** Amounts by age (current, 30 ... 180 days) and the balance, their sum. */
    public record Ageing(
            BigDecimal current,
            BigDecimal d30,
            BigDecimal d60,
            BigDecimal d90,
            BigDecimal d120,
            BigDecimal d150,
            BigDecimal d180,
            BigDecimal balance) {

        /** 60 days and older: what the suite calls arrears (the list's {@code min_balance} compares it). */
        public BigDecimal overdue() {
            return zeroIfNull(d60)
                    .add(zeroIfNull(d90))
                    .add(zeroIfNull(d120))
                    .add(zeroIfNull(d150))
                    .add(zeroIfNull(d180));
        }

        private static BigDecimal zeroIfNull(BigDecimal amount) {
            return amount == null ? BigDecimal.ZERO : amount;
        }
    }

    /** The file name a statement is offered under: {@code statement_<acc_no>.pdf}, safe in any file system. */
    public String fileName() {
        return "statement_" + (accNo == null ? "" : accNo.replaceAll("[^A-Za-z0-9._-]", "_")) + ".pdf";
    }

    @Override
    public String toString() {
        return "Statement[" + language + "]"; // personal data never reaches logs
    }
}
