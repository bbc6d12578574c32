package com.clinicsuite.notification.service;

import com.clinicsuite.notification.client.ReminderLanguage;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What a reminder says about one debtor and the pharmacy it comes from: the data templates render, and the language
 * amounts and bucket labels are written in. {@code statementFile} names the statement of account attached to the
 * e-mail, null without one.
 */
public record ReminderContent(
        String debtorName,
        String accNo,
        BigDecimal amountDue,
        Map<String, BigDecimal> buckets,
        String pharmacyName,
        String pharmacyPhone,
        String bankDetails,
        ReminderLanguage language,
        String statementFile) {

    /** In English, without a statement attached. */
    public ReminderContent(
            String debtorName,
            String accNo,
            BigDecimal amountDue,
            Map<String, BigDecimal> buckets,
            String pharmacyName,
            String pharmacyPhone,
            String bankDetails) {
        this(
                debtorName,
                accNo,
                amountDue,
                buckets,
                pharmacyName,
                pharmacyPhone,
                bankDetails,
                ReminderLanguage.EN,
                null);
    }

    /** The same reminder in {@code other}. */
    public ReminderContent in(ReminderLanguage other) {
        return new ReminderContent(
                debtorName, accNo, amountDue, buckets, pharmacyName, pharmacyPhone, bankDetails, other, statementFile);
    }

    @Override
    public String toString() {
        return "ReminderContent[accNo hidden]"; // personal data never reaches logs
    }
}
