package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The movement summary of a report against the completed report before it, computed once by the report's
 * follow-up together with its {@code account_movement} rows.
 */
@Entity
@Table(name = "report_movement")
public class MovementSummary extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    @Column(name = "from_report_id", nullable = false)
    public long fromReportId;

    @Column(name = "to_report_id", nullable = false, unique = true)
    public long toReportId;

    @Column(name = "new_count", nullable = false)
    public int newCount;

    @Column(name = "new_balance", nullable = false, precision = 15, scale = 2)
    public BigDecimal newBalance;

    @Column(name = "cleared_count", nullable = false)
    public int clearedCount;

    @Column(name = "cleared_balance", nullable = false, precision = 15, scale = 2)
    public BigDecimal clearedBalance;

    @Column(name = "paid_down_count", nullable = false)
    public int paidDownCount;

    @Column(name = "paid_down_amount", nullable = false, precision = 15, scale = 2)
    public BigDecimal paidDownAmount;

    @Column(name = "increased_count", nullable = false)
    public int increasedCount;

    @Column(name = "increased_amount", nullable = false, precision = 15, scale = 2)
    public BigDecimal increasedAmount;

    @Column(name = "aged_count", nullable = false)
    public int agedCount;

    @Column(name = "aged_amount", nullable = false, precision = 15, scale = 2)
    public BigDecimal agedAmount;

    @Column(name = "unchanged_count", nullable = false)
    public int unchangedCount;

    @Column(name = "outstanding_before", nullable = false, precision = 15, scale = 2)
    public BigDecimal outstandingBefore;

    @Column(name = "outstanding_after", nullable = false, precision = 15, scale = 2)
    public BigDecimal outstandingAfter;

    @Column(name = "computed_at", nullable = false)
    public OffsetDateTime computedAt;
}
