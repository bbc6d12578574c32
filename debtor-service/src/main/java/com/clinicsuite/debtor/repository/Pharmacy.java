package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A pharmacy as auth-service announced it. The id is auth-service's pharmacy id (not generated here), so
 * paths, tokens' grants and events all name the same pharmacy.
 */
@Entity
@Table(name = "pharmacy")
public class Pharmacy extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 50)
    public String code;

    @Column(nullable = false)
    public boolean active;

    /** The report whose accounts are the current debtors; null until the first report is applied. */
    @Column(name = "current_report_id")
    public Long currentReportId;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /**
     * Moves on with every change to the pharmacy's notes, promises and contact preferences (which the debtor list
     * shows), in the same transaction: part of the list cache's key, like {@link #currentReportId}.
     */
    @Column(name = "collections_version", nullable = false)
    public long collectionsVersion;
}
