package com.clinicsuite.notification.service;

import java.math.BigDecimal;
import java.util.Map;

/** What a reminder says about one debtor and the pharmacy it comes from: the data templates render. */
public record ReminderContent(
        String debtorName,
        String accNo,
        BigDecimal amountDue,
        Map<String, BigDecimal> buckets,
        String pharmacyName,
        String pharmacyPhone,
        String bankDetails) {

    @Override
    public String toString() {
        return "ReminderContent[accNo hidden]"; // personal data never reaches logs
    }
}
