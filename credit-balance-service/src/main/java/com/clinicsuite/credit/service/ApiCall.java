package com.clinicsuite.credit.service;

import java.time.OffsetDateTime;

/**
 * An authenticated call waiting in {@link ApiLogQueue}. {@code voucherMatches} is set for voucher searches only
 * (null otherwise): it feeds the credit.voucher-searched event and is not stored.
 */
public record ApiCall(
        String userName,
        String method,
        String endpoint,
        int statusCode,
        String voucherNumber,
        Integer voucherMatches,
        String clientIp,
        int durationMs,
        OffsetDateTime at) {}
