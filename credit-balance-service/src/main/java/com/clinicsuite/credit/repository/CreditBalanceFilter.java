package com.clinicsuite.credit.repository;

import java.math.BigDecimal;

/** The list filters of GET /credit-balances/; null means "not filtered". {@code center} is canonical. */
public record CreditBalanceFilter(
        String center, String search, String treatmentName, String finalBucket, BigDecimal minBalance) {

    public static CreditBalanceFilter ofCenter(String center) {
        return new CreditBalanceFilter(center, null, null, null, null);
    }

    public CreditBalanceFilter withCenter(String canonicalCenter) {
        return new CreditBalanceFilter(canonicalCenter, search, treatmentName, finalBucket, minBalance);
    }
}
