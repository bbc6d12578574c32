package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A note staff wrote about an account (a phone call, an arrangement). Free text: personal data, never logged. */
@Entity
@Table(name = "account_note")
public class AccountNote extends PanacheEntityBase {

    public static final int MAX_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    @Column(name = "acc_no", nullable = false, length = 32)
    public String accNo;

    @Column(nullable = false, length = MAX_LENGTH)
    public String text;

    /** The username of the caller who wrote it. */
    @Column(nullable = false, length = 100)
    public String author;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
