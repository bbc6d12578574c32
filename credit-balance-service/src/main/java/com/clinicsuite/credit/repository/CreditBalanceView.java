package com.clinicsuite.credit.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A credit balance read for answering only: the columns the API shows, built straight from the result row.
 * List pages read these instead of entities, which Hibernate would also register in the session (and search_text,
 * which nobody reads).
 */
// Hibernate builds it through its constructor (a projection), which a native image allows only when registered
@RegisterForReflection
public record CreditBalanceView(
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
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The HQL select list of this record's constructor, for a query over {@code CreditBalance c}. */
    static final String SELECT = "select new " + CreditBalanceView.class.getName() + "(c.id, c.clientCode, "
            + "c.clientName, c.phoneNo, c.emailId, c.treatmentName, c.packageAmount, c.amountPaid, c.balanceAmount, "
            + "c.prepaidGiftCardBalance, c.center, c.finalBucket, c.sessionsPaid, c.sessionsConsumed, "
            + "c.balanceSessions, c.voucherNumber, c.createdAt, c.updatedAt) from CreditBalance c ";
}
