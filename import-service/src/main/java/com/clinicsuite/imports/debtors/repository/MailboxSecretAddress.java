package com.clinicsuite.imports.debtors.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A pharmacy's secret mailbox address ({@code reports+<token>@...}): only the token's SHA-256 is kept. The token is
 * shown once, when it is made; a new one replaces it.
 */
@Entity
@Table(name = "mailbox_secret_address")
public class MailboxSecretAddress extends PanacheEntityBase {

    @Id
    @Column(name = "pharmacy_id")
    public Long pharmacyId;

    /** Lower-case hex SHA-256 of the token. */
    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The admin who made it. */
    @Column(name = "created_by", length = 100)
    public String createdBy;
}
