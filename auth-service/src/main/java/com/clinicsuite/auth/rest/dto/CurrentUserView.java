package com.clinicsuite.auth.rest.dto;

import com.clinicsuite.auth.service.UserAccess;
import java.util.List;
import java.util.Set;

/** {@code GET /users/me} and the {@code user} of a login answer. */
public record CurrentUserView(
        long id,
        String username,
        String email,
        String fullName,
        boolean isActive,
        Set<String> roles,
        String center,
        List<PharmacyAccessView> pharmacies) {

    public static CurrentUserView of(UserAccess access) {
        var u = access.user();
        return new CurrentUserView(
                u.id,
                u.username,
                u.email,
                u.fullName,
                u.active,
                access.effectiveRoles(),
                u.center,
                access.grants().stream().map(PharmacyAccessView::of).toList());
    }
}
