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

    /** Column sizes, in characters (SQL Server: NVARCHAR, UTF-16 code units; method and client_ip are VARCHAR). */
    public static final int USER_NAME_LENGTH = 100;

    public static final int METHOD_LENGTH = 10;
    public static final int ENDPOINT_LENGTH = 500;
    public static final int VOUCHER_NUMBER_LENGTH = 20;
    public static final int CLIENT_IP_LENGTH = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_name", nullable = false, length = USER_NAME_LENGTH)
    public String userName;

    @Column(nullable = false, length = METHOD_LENGTH)
    public String method;

    @Column(nullable = false, length = ENDPOINT_LENGTH)
    public String endpoint;

    @Column(name = "status_code", nullable = false)
    public int statusCode;

    @Column(name = "voucher_number", length = VOUCHER_NUMBER_LENGTH)
    public String voucherNumber;

    @Column(name = "client_ip", length = CLIENT_IP_LENGTH)
    public String clientIp;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;

    @Column(name = "logged_at", nullable = false)
    public OffsetDateTime loggedAt;
}
