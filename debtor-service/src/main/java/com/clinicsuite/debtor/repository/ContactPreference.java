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
 * How an account (pharmacy + acc_no) may be contacted. Keyed to the account, not to a debtor row, so it survives
 * report replacements. An account without a row has the defaults: may be contacted, the pharmacy's language.
 */
@Entity
@Table(name = "contact_preference")
public class ContactPreference extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    @Column(name = "acc_no", nullable = false, length = 32)
    public String accNo;

    /** Reminders (manual and by policy) skip the account. */
    @Column(name = "do_not_contact", nullable = false)
    public boolean doNotContact;

    /** Why (free text: personal data, never logged). */
    @Column(length = 500)
    public String reason;

    /** {@link Language#code()} of the account's reminders and statements; null = the pharmacy's default. */
    @Column(length = 2)
    public String language;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", length = 100)
    public String updatedBy;
}
