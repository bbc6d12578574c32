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

/** A pharmacy's reminder policy (one at most): who is reminded, on which channel, when and how often. */
@Entity
@Table(name = "reminder_policy")
public class ReminderPolicy extends PanacheEntityBase {

    public static final String AFTER_UPLOAD = "after_upload";
    public static final String SCHEDULE = "schedule";
    public static final String MANUAL = "manual";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false, unique = true)
    public long pharmacyId;

    @Column(nullable = false)
    public boolean enabled;

    /** {@link #AFTER_UPLOAD}, {@link #SCHEDULE} or {@link #MANUAL}. */
    @Column(name = "trigger_kind", nullable = false, length = 20)
    public String trigger;

    /** Five-field cron expression in {@link #zone} (trigger schedule only). */
    @Column(length = 100)
    public String schedule;

    @Column(name = "min_overdue", nullable = false, precision = 15, scale = 2)
    public BigDecimal minOverdue;

    /** Comma-separated bucket keys whose sum is the amount reminded of. */
    @Column(name = "ageing_buckets", nullable = false, length = 100)
    public String ageingBuckets;

    /** Comma-separated channel keys in order of preference. */
    @Column(nullable = false, length = 20)
    public String channels;

    @Column(name = "cooldown_days", nullable = false)
    public int cooldownDays;

    /** Quiet hours {@code HH:mm}, both null when there are none. */
    @Column(name = "quiet_from", length = 5)
    public String quietFrom;

    @Column(name = "quiet_to", length = 5)
    public String quietTo;

    /** The pharmacy's time zone: quiet hours, the schedule and the daily maximum's day are read in it. */
    @Column(nullable = false, length = 64)
    public String zone;

    @Column(name = "max_per_day", nullable = false)
    public int maxPerDay;

    @Column(name = "attach_statement", nullable = false)
    public boolean attachStatement;

    /** When the trigger or schedule last changed: schedule slots before it never run. */
    @Column(name = "schedule_since", nullable = false)
    public OffsetDateTime scheduleSince;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", length = 100)
    public String updatedBy;
}
