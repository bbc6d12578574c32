package com.clinicsuite.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;

/** A number that asked one pharmacy for no more SMS; {@code phoneDigits} is the 10-digit national form. */
@Entity
@Table(
        name = "sms_opt_out",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "sms_opt_out_pharmacy_phone",
                        columnNames = {"pharmacy_id", "phone_digits"}))
public class SmsOptOut extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    @Column(name = "phone_digits", nullable = false, length = 10)
    public String phoneDigits;

    /** {@code reply} (the debtor answered STOP) or {@code manual} (recorded through the API). */
    @Column(nullable = false, length = 20)
    public String source;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
