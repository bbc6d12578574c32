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
 * An account's promise to pay {@code amount} by {@code dueDate}. Open until cancelled by staff or decided by a later
 * report: kept when a report dated on or before {@code dueDate} + 7 days shows the overdue balance at least
 * {@code amount} below {@link #overdueAtPromise}; broken when the first report dated after that does not.
 */
@Entity
@Table(name = "payment_promise")
public class PaymentPromise extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String KEPT = "kept";
    public static final String BROKEN = "broken";
    public static final String CANCELLED = "cancelled";

    /** Days after the due date within which a report may still show the payment. */
    public static final int GRACE_DAYS = 7;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    @Column(name = "acc_no", nullable = false, length = 32)
    public String accNo;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal amount;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false, length = 20)
    public String status;

    /** The account's overdue balance (d60..d180) in the report current when the promise was made. */
    @Column(name = "overdue_at_promise", nullable = false, precision = 15, scale = 2)
    public BigDecimal overdueAtPromise;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    /** The report that decided kept or broken. */
    @Column(name = "resolved_by_report_id")
    public Long resolvedByReportId;

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** The last report date that can still keep the promise. */
    public LocalDate lastDayToKeep() {
        return dueDate.plusDays(GRACE_DAYS);
    }
}
