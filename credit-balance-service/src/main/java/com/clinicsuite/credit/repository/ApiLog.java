package com.clinicsuite.credit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One authenticated API call. Paths only: query strings may carry personal data (searches by name or phone). */
@Entity
@Table(name = "api_log")
public class ApiLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_name", nullable = false, length = 100)
    public String userName;

    @Column(nullable = false, length = 10)
    public String method;

    @Column(nullable = false, length = 500)
    public String endpoint;

    @Column(name = "status_code", nullable = false)
    public int statusCode;

    @Column(name = "voucher_number", length = 20)
    public String voucherNumber;

    @Column(name = "client_ip", length = 64)
    public String clientIp;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;

    @Column(name = "logged_at", nullable = false)
    public OffsetDateTime loggedAt;
}
