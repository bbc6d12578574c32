package com.clinicsuite.notification.service;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a reminder says about one debtor and the pharmacy it comes from: the data templates render, and the language
 * amounts and bucket labels are written in.
 */
public record ReminderContent(
        String debtorName,
        String accNo,
        BigDecimal amountDue,
        Map<String, BigDecimal> buckets,
        String pharmacyName,
        String pharmacyPhone,
        String bankDetails,
        ReminderLanguage language) {

    /** In English. */
    public ReminderContent(
            String debtorName,
            String accNo,
            BigDecimal amountDue,
            Map<String, BigDecimal> buckets,
            String pharmacyName,
            String pharmacyPhone,
            String bankDetails) {
        this(debtorName, accNo, amountDue, buckets, pharmacyName, pharmacyPhone, bankDetails, ReminderLanguage.EN);
    }

    /** The same reminder in {@code other}. */
    public ReminderContent in(ReminderLanguage other) {
        return new ReminderContent(
                debtorName, accNo, amountDue, buckets, pharmacyName, pharmacyPhone, bankDetails, other);
    }

    @Override
    public String toString() {
        return "ReminderContent[accNo hidden]"; // personal data never reaches logs
    }
}
