package com.clinicsuite.auth.service;

import com.clinicsuite.security.Claims;
import com.clinicsuite.vocabulary.Center;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules on a user's username, roles and center, shared by create and update. */
final class UserRules {

    static final String USERNAME_PATTERN = "^[A-Za-z0-9._@-]{3,50}$";
    static final String USERNAME_MESSAGE = "3 to 50 letters, digits or . _ @ -";
    private static final Set<String> KNOWN_ROLES = Set.of(Claims.ROLE_ADMIN, Claims.ROLE_STAFF, Claims.ROLE_PHARMACY);

    private UserRules() {}

    static Set<String> roles(List<String> requested) {
        Set<String> roles = requested == null
                ? new LinkedHashSet<>()
                : requested.stream()
                        .map(r -> r == null ? "" : r.trim().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String role : roles) {
            if (!KNOWN_ROLES.contains(role)) {
                throw new UnprocessableEntityException(
                        "roles", "unknown role '" + role + "'; use admin, staff or pharmacy");
            }
        }
        return roles;
    }

    /**
     * The canonical center for any spelling {@link Center#parse} accepts (an admin may type {@code PB} or
     * {@code gk-2}; tokens and events only ever carry the canonical name); null or "" means none.
     */
    static String center(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        return Center.parse(requested)
                .map(Center::canonicalName)
                .orElseThrow(() -> new UnprocessableEntityException(
                        "center", "unknown center '" + requested + "'; use one of " + Center.knownNames()));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
