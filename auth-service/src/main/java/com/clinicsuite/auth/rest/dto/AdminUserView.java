package com.clinicsuite.auth.rest.dto;

import com.clinicsuite.auth.service.UserAccess;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** A user with their access, as the admin API answers it (one user, or each of {@code /admin/users/access}). */
public record AdminUserView(
        long userId,
        String username,
        String email,
        String fullName,
        boolean isActive,
        Set<String> roles,
        String center,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<PharmacyAccessView> pharmacies) {

    public static AdminUserView of(UserAccess access) {
        var u = access.user();
        return new AdminUserView(
                u.id,
                u.username,
                u.email,
                u.fullName,
                u.active,
                access.effectiveRoles(),
                u.center,
                u.createdAt,
                u.updatedAt,
                access.grants().stream().map(PharmacyAccessView::of).toList());
    }
}
