package com.clinicsuite.auth.rest.dto;

import com.clinicsuite.auth.service.UserSummary;
import java.time.OffsetDateTime;

/** A row of {@code GET /admin/users}. */
public record AdminUserSummary(
        long userId, String username, String email, boolean isActive, OffsetDateTime createdAt, long pharmacyCount) {

    public static AdminUserSummary of(UserSummary summary) {
        var u = summary.user();
        return new AdminUserSummary(u.id, u.username, u.email, u.active, u.createdAt, summary.pharmacyCount());
    }
}
