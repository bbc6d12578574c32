package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.PaymentPromise;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A promise to pay as the contract shows it. */
public record PromiseView(
        long id,
        BigDecimal amount,
        LocalDate dueDate,
        String status,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime resolvedAt) {

    static PromiseView of(PaymentPromise p) {
        return new PromiseView(p.id, p.amount, p.dueDate, p.status, p.createdBy, p.createdAt, p.resolvedAt);
    }
}
