package com.clinicsuite.events.credit;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;

/**
 * Data of {@code credit.balance-created.v1}, {@code credit.balance-updated.v1} and
 * {@code credit.balance-deleted.v1}: the record as it is after the change (before it, for a deletion).
 * Names, phones and e-mails are deliberately left out: consumers key on the client code and voucher.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreditBalanceChanged(
        long id,
        String clientCode,
        String treatmentName,
        String center,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal packageAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountPaid,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balanceAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal prepaidGiftCardBalance,
        int sessionsPaid,
        int sessionsConsumed,
        int balanceSessions,
        String voucherNumber,
        String changedBy) {}
