package com.clinicsuite.imports.debtors.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A pharmacy as auth-service last announced it. The id is auth-service's (this is a replica of its record, not
 * a row this service creates), so it is assigned, not generated.
 */
@Entity
@Table(name = "known_pharmacy")
public class KnownPharmacy extends PanacheEntityBase {

    @Id
    @Column(name = "pharmacy_id")
    public Long pharmacyId;

    @Column(nullable = false)
    public String name;

    @Column(length = 50)
    public String code;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
