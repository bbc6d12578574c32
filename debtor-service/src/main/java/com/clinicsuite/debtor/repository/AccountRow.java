package com.clinicsuite.debtor.repository;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One account of a report, normalised, as it is staged and then becomes a debtor row. */
public record AccountRow(
        String accNo,
        String name,
        BigDecimal current,
        BigDecimal d30,
        BigDecimal d60,
        BigDecimal d90,
        BigDecimal d120,
        BigDecimal d150,
        BigDecimal d180,
        BigDecimal balance,
        String email,
        String phone,
        String phoneDigits,
        boolean medicalAidControl,
        LocalDate lastPaymentDate,
        BigDecimal lastPaymentAmount,
        String terms,
        BigDecimal creditLimit) {}
