package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One run of a pharmacy's reminder policy. Unique per (pharmacy, trigger, slot key), so a trigger occasion (a report,
 * a schedule slot, a manual request) makes one run however many replicas see it. {@code pending} until the
 * transaction that queues the run's reminders marks it {@code finished} (or {@code cancelled}) together with them.
 */
@Entity
@Table(name = "reminder_run")
public class ReminderRun extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String FINISHED = "finished";
    public static final String CANCELLED = "cancelled";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    /** {@link ReminderPolicy#AFTER_UPLOAD}, {@link ReminderPolicy#SCHEDULE} or {@link ReminderPolicy#MANUAL}. */
    @Column(name = "trigger_kind", nullable = false, length = 20)
    public String trigger;

    /** {@code report:<id>}, {@code schedule:<slot instant>} or {@code manual:<uuid>}. */
    @Column(name = "slot_key", nullable = false, length = 64)
    public String slotKey;

    /** The report an after-upload run follows. */
    @Column(name = "report_id")
    public Long reportId;

    @Column(nullable = false, length = 20)
    public String status;

    /** Not run before this time (the end of quiet hours, when it was asked for during them). */
    @Column(name = "not_before", nullable = false)
    public OffsetDateTime notBefore;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(nullable = false)
    public int queued;

    @Column(nullable = false)
    public int skipped;

    @Column(name = "requested_by", length = 100)
    public String requestedBy;

    /** Why a run was cancelled (no personal data). */
    @Column(length = 500)
    public String note;

    public boolean isPending() {
        return PENDING.equals(status);
    }
}
