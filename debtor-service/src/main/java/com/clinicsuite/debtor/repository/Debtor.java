package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A current debtor of a pharmacy: one account of the last applied report. Rows are written by
 * {@link DebtorSetReplacement} (set-based SQL); the application only reads them through this entity.
 */
@Entity
@Table(name = "debtor")
public class Debtor extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    @Column(name = "report_id", nullable = false)
    public long reportId;

    @Column(name = "acc_no", nullable = false, length = 32)
    public String accNo;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "current_amount", nullable = false, precision = 15, scale = 2)
    public BigDecimal current;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal d30;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal d60;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal d90;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal d120;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal d150;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal d180;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal balance;

    /** d60 + d90 + d120 + d150 + d180, what {@code min_balance} compares against. */
    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal arrears;

    @Column(length = 320)
    public String email;

    @Column(length = 40)
    public String phone;

    /** {@link #phone} as 10 national digits, to match SMS opt-outs. */
    @Column(name = "phone_digits", length = 20)
    public String phoneDigits;

    @Column(name = "is_medical_aid_control", nullable = false)
    public boolean medicalAidControl;

    @Column(name = "last_payment_date")
    public LocalDate lastPaymentDate;

    @Column(name = "last_payment_amount", precision = 15, scale = 2)
    public BigDecimal lastPaymentAmount;

    @Column(length = 20)
    public String terms;

    @Column(name = "credit_limit", precision = 15, scale = 2)
    public BigDecimal creditLimit;

    /**
     * acc_no, name, email, phone and phone_digits, lowercased, joined by U+0001: what the list's search= matches,
     * computed by the database (migration V9, a generated / computed column) and served by its trigram index.
     */
    @Column(name = "search_text", insertable = false, updatable = false)
    public String searchText;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
