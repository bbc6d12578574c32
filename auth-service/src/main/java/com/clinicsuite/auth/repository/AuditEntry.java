package com.clinicsuite.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Who changed what, when. {@code details} names the fields changed, never personal data values. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null for changes made by the service itself (bootstrap admin). */
    @Column(name = "actor_user_id")
    public Long actorUserId;

    @Column(name = "actor_username", nullable = false, length = 50)
    public String actorUsername;

    @Column(nullable = false, length = 60)
    public String action;

    @Column(name = "target_type", nullable = false, length = 30)
    public String targetType;

    @Column(name = "target_id", nullable = false, length = 60)
    public String targetId;

    @Column(length = 1000)
    public String details;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;
}
