package com.clinicsuite.credit.rest;

import com.clinicsuite.credit.repository.CreditBalance;
import com.clinicsuite.credit.repository.CreditBalanceView;
import java.math.BigDecimal;
import java.time.Instant;

/** A credit balance as the contract shows it. */
public record CreditBalanceResponse(
        long id,
        String clientCode,
        String clientName,
        String phoneNo,
        String emailId,
        String treatmentName,
        BigDecimal packageAmount,
        BigDecimal amountPaid,
        BigDecimal balanceAmount,
        BigDecimal prepaidGiftCardBalance,
        String center,
        String finalBucket,
        int sessionsPaid,
        int sessionsConsumed,
        int balanceSessions,
        String voucherNumber,
        Instant createdAt,
        Instant updatedAt) {

    public static CreditBalanceResponse of(CreditBalance r) {
        return new CreditBalanceResponse(
                r.id,
                r.clientCode,
                r.clientName,
                r.phoneNo,
                r.emailId,
                r.treatmentName,
                r.packageAmount,
                r.amountPaid,
                r.balanceAmount,
                r.prepaidGiftCardBalance,
                r.center,
                r.finalBucket,
                r.sessionsPaid,
                r.sessionsConsumed,
                r.balanceSessions,
                r.voucherNumber,
                r.createdAt.toInstant(),
                r.updatedAt.toInstant());
    }

    public static CreditBalanceResponse of(CreditBalanceView r) {
        return new CreditBalanceResponse(
                r.id(),
                r.clientCode(),
                r.clientName(),
                r.phoneNo(),
                r.emailId(),
                r.treatmentName(),
                r.packageAmount(),
                r.amountPaid(),
                r.balanceAmount(),
                r.prepaidGiftCardBalance(),
                r.center(),
                r.finalBucket(),
                r.sessionsPaid(),
                r.sessionsConsumed(),
                r.balanceSessions(),
                r.voucherNumber(),
                r.createdAt().toInstant(),
                r.updatedAt().toInstant());
    }
}
