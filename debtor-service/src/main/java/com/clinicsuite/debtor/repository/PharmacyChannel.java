package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Which reminder channels a pharmacy has configured in notification-service. */
@Entity
@Table(name = "pharmacy_channel")
public class PharmacyChannel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false, unique = true)
    public long pharmacyId;

    @Column(name = "email_configured", nullable = false)
    public boolean emailConfigured;

    @Column(name = "sms_configured", nullable = false)
    public boolean smsConfigured;

    /** {@link Language#code()} of reminders to accounts without a language of their own; null = {@code en}. */
    @Column(name = "default_language", length = 2)
    public String defaultLanguage;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
