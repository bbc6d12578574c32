package com.clinicsuite.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/** A person who signs in: credentials, roles and, for clinic staff, their center. */
@Entity
@Table(name = "app_user")
public class UserAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 50)
    public String username;

    @Column(length = 254)
    public String email;

    @Column(name = "full_name", length = 200)
    public String fullName;

    /** bcrypt, modular crypt format ({@code $2a$<cost>$...}). */
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Convert(converter = RolesConverter.class)
    @Column(nullable = false, length = 100)
    public Set<String> roles = new LinkedHashSet<>();

    /** Canonical clinic center, or null for users outside the clinic. */
    @Column(length = 40)
    public String center;

    @Column(name = "is_active", nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "deactivated_at")
    public OffsetDateTime deactivatedAt;

    /**
     * When what this user may do last changed (grants, roles, center, password, deactivation); millisecond precision,
     * strictly increasing. Tokens carry it as {@code access_version}; see {@link com.clinicsuite.auth.service.AccessChanges}.
     */
    @Column(name = "access_changed_at", nullable = false)
    public OffsetDateTime accessChangedAt;
}
