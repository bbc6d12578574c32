package com.clinicsuite.credit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;

/**
 * The values of a credit balance, shared by the record itself ({@link CreditBalance}) and a staged import row
 * ({@link CreditImportRow}), whose columns must stay the same for a replace's INSERT ... SELECT.
 */
@MappedSuperclass
public abstract class CreditBalanceValues extends PanacheEntityBase {

    @Column(name = "client_code", nullable = false, length = 50)
    public String clientCode;

    @Column(name = "client_name", nullable = false, length = 200)
    public String clientName;

    @Column(name = "phone_no", length = 20)
    public String phoneNo;

    @Column(name = "email_id", length = 500)
    public String emailId;

    @Column(name = "treatment_name", nullable = false, length = 200)
    public String treatmentName;

    @Column(name = "package_amount", nullable = false, precision = 15, scale = 2)
    public BigDecimal packageAmount = BigDecimal.ZERO;

    @Column(name = "amount_paid", nullable = false, precision = 15, scale = 2)
    public BigDecimal amountPaid = BigDecimal.ZERO;

    @Column(name = "balance_amount", nullable = false, precision = 15, scale = 2)
    public BigDecimal balanceAmount = BigDecimal.ZERO;

    @Column(name = "prepaid_gift_card_balance", nullable = false, precision = 15, scale = 2)
    public BigDecimal prepaidGiftCardBalance = BigDecimal.ZERO;

    /** Canonical spelling, see {@link com.clinicsuite.vocabulary.Center}. */
    @Column(nullable = false, length = 30)
    public String center;

    @Column(name = "final_bucket", length = 100)
    public String finalBucket;

    @Column(name = "sessions_paid", nullable = false)
    public int sessionsPaid;

    @Column(name = "sessions_consumed", nullable = false)
    public int sessionsConsumed;

    @Column(name = "balance_sessions", nullable = false)
    public int balanceSessions;

    @Column(name = "voucher_number", length = 20)
    public String voucherNumber;

    /** Takes every value of {@code source} (an upsert applying a staged row to a record). */
    public void copyValuesFrom(CreditBalanceValues source) {
        clientCode = source.clientCode;
        clientName = source.clientName;
        phoneNo = source.phoneNo;
        emailId = source.emailId;
        treatmentName = source.treatmentName;
        packageAmount = source.packageAmount;
        amountPaid = source.amountPaid;
        balanceAmount = source.balanceAmount;
        prepaidGiftCardBalance = source.prepaidGiftCardBalance;
        center = source.center;
        finalBucket = source.finalBucket;
        sessionsPaid = source.sessionsPaid;
        sessionsConsumed = source.sessionsConsumed;
        balanceSessions = source.balanceSessions;
        voucherNumber = source.voucherNumber;
    }
}
