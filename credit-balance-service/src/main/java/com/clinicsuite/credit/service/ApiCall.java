package com.clinicsuite.credit.service;

import java.time.Instant;

/**
 * An authenticated call waiting in {@link ApiLogQueue}. {@code voucherMatches} is set for voucher searches only
 * (null otherwise): it feeds the credit.voucher-searches-logged event and is not stored.
 *
 * <p>Every text is made to fit its api_log column when the call is created ({@link ApiLogFields}), whoever
 * creates it: one odd value (a voucher that upper-cases to twice its length, a NUL) can never make a batch fail.
 * The time is an {@link Instant}: one object of 24 bytes, where an OffsetDateTime is four (96 bytes) for each of up to
 * {@code api-log.queue-capacity} queued calls.
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
        Instant at) {

    public ApiCall {
        userName = ApiLogFields.userName(userName);
        method = ApiLogFields.method(method);
        endpoint = ApiLogFields.endpoint(endpoint);
        voucherNumber = ApiLogFields.voucherNumber(voucherNumber);
        clientIp = ApiLogFields.clientIp(clientIp);
    }
}
