package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A number that opted out of a pharmacy's SMS reminders (10 national digits). */
@Entity
@Table(name = "sms_opt_out")
public class SmsOptOut extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    @Column(name = "phone_digits", nullable = false, length = 20)
    public String phoneDigits;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
