package com.clinicsuite.credit.rest;

import com.clinicsuite.credit.repository.ApiLog;
import java.time.Instant;

/** An API log entry as the contract shows it. */
public record ApiLogResponse(
        long id,
        String userName,
        String method,
        String endpoint,
        int statusCode,
        String voucherNumber,
        String clientIp,
        int durationMs,
        Instant timestamp) {

    public static ApiLogResponse of(ApiLog log) {
        return new ApiLogResponse(
                log.id,
                log.userName,
                log.method,
                log.endpoint,
                log.statusCode,
                log.voucherNumber,
                log.clientIp,
                log.durationMs,
                log.loggedAt.toInstant());
    }
}
