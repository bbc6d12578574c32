package com.clinicsuite.credit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A client's prepaid package at one center: amounts in rupees, sessions, and the voucher that finds it. */
@Entity
@Table(name = "credit_balance")
public class CreditBalance extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    /** Canonical spelling, see {@link com.clinicsuite.credit.service.Center}. */
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

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
