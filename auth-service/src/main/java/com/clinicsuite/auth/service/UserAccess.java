package com.clinicsuite.auth.service;

import com.clinicsuite.auth.repository.PharmacyAccessGrant;
import com.clinicsuite.auth.repository.UserAccount;
import com.clinicsuite.security.Claims;
import com.clinicsuite.security.PharmacyGrant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A user with their pharmacy grants: what a token says about them and what /users/me answers. */
public record UserAccess(UserAccount user, List<PharmacyAccessGrant> grants) {

    /** Stored roles, plus {@code pharmacy} for anyone holding a pharmacy grant (pharmacy users act through grants). */
    public Set<String> effectiveRoles() {
        Set<String> roles = new LinkedHashSet<>(user.roles);
        if (grants.stream().anyMatch(g -> g.canRead)) {
            roles.add(Claims.ROLE_PHARMACY);
        }
        return roles;
    }

    /** The {@code pharmacies} claim: pharmacy id to {@code "r"} or {@code "rw"}. */
    public Map<String, String> pharmacyClaim() {
        Map<String, String> claim = new LinkedHashMap<>();
        for (PharmacyAccessGrant g : grants) {
            String value = new PharmacyGrant(g.pharmacy.id, g.canRead, g.canWrite).claimValue();
            if (!value.isEmpty()) {
                claim.put(Long.toString(g.pharmacy.id), value);
            }
        }
        return claim;
    }
}
