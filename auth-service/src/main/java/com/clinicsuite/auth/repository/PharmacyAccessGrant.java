package com.clinicsuite.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** What one user may do on one pharmacy; becomes an entry of the token's {@code pharmacies} claim. */
@Entity
@Table(name = "pharmacy_grant")
public class PharmacyAccessGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pharmacy_id", nullable = false)
    public Pharmacy pharmacy;

    @Column(name = "can_read", nullable = false)
    public boolean canRead;

    @Column(name = "can_write", nullable = false)
    public boolean canWrite;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
