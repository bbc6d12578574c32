package com.clinicsuite.imports.debtors.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A pharmacy's explicit column map (issue 24 point 4), saved from an upload that reconciled with it and used for the
 * pharmacy's next uploads. One per pharmacy; a newer map that reconciles replaces it.
 */
@Entity
@Table(name = "pharmacy_column_map")
public class PharmacyColumnMap extends PanacheEntityBase {

    @Id
    @Column(name = "pharmacy_id")
    public Long pharmacyId;

    /** JSON object: heading as printed -> field ({@code {"Owing": "balance"}}). */
    @Column(name = "mapping", nullable = false)
    public String mapping;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The user id of the uploader whose upload saved it. */
    @Column(name = "updated_by")
    public Long updatedBy;
}
