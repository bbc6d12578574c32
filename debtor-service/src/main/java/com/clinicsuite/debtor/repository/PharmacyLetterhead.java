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
 * What a pharmacy prints at the top of its statements of account, copied from its notification settings
 * (notification-service's ChannelConfigured events): the name, contact phone and bank details.
 */
@Entity
@Table(name = "pharmacy_letterhead")
public class PharmacyLetterhead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false, unique = true)
    public long pharmacyId;

    @Column(name = "display_name", length = 200)
    public String displayName;

    @Column(name = "contact_phone", length = 50)
    public String contactPhone;

    @Column(name = "bank_details", length = 500)
    public String bankDetails;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
