package com.clinicsuite.imports.debtors.pdf;

import com.clinicsuite.vocabulary.SaPhoneNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One debtor account as the report prints it.
 *
 * @param phone      the primary number as printed: the cell number when the report has one, else the first number
 * @param phones     every number printed for the account, in print order
 * @param tel        the number labelled as a landline ({@code Tel:}, {@code TEL:}), when labelled
 * @param cell       the number labelled as a cell number, when labelled
 * @param group      the report group the account is listed under ({@code Private}, {@code Medical Aid}), if any
 * @param email      lower-cased
 * @param lastPaymentAmount positive, as the report's {@code 389.52-} means a payment of 389.52
 */
public record ParsedAccount(
        String accNo,
        String name,
        AgeingAmounts amounts,
        String email,
        String phone,
        List<String> phones,
        String tel,
        String cell,
        String group,
        LocalDate lastPaymentDate,
        BigDecimal lastPaymentAmount,
        String terms,
        BigDecimal creditLimit,
        boolean medicalAidControl) {

    public ParsedAccount {
        phones = List.copyOf(phones);
    }

    /** The primary phone as 10 national digits ({@code +27 82 123 4567} gives {@code 0821234567}), or null. */
    public String phoneDigits() {
        return SaPhoneNumber.nationalDigitsOf(phone);
    }
}
