package com.clinicsuite.credit.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A client's prepaid package at one center: amounts in rupees, sessions, and the voucher that finds it. */
@Entity
@Table(name = "credit_balance")
public class CreditBalance extends CreditBalanceValues {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /**
     * What the list's {@code search} looks in: client code, name, phone, e-mail and voucher, lowercased and joined by
     * U+001F. Computed by the database (a generated column with a trigram index), never written from here.
     */
    @Column(name = "search_text", insertable = false, updatable = false)
    public String searchText;
}
