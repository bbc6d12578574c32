package com.clinicsuite.debtor.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A debtor read for the list: a plain projection (no managed entity, no persistence-context bookkeeping).
 * Component names are {@link Debtor}'s attribute names, which is how Panache's {@code project} selects them.
 */
// Hibernate builds it through its constructor (a projection), which a native image allows only when registered
@RegisterForReflection
public record DebtorRow(
        Long id,
        long pharmacyId,
        long reportId,
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
        boolean medicalAidControl,
        LocalDate lastPaymentDate,
        BigDecimal lastPaymentAmount,
        String terms,
        BigDecimal creditLimit,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
