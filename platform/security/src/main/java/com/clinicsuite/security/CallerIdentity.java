package com.clinicsuite.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller of the current request, read from the verified JWT only: no service calls
 * auth-service to authorize a request.
 */
@RequestScoped
public class CallerIdentity {

    private final JsonWebToken jwt;
    private Map<Long, PharmacyGrant> grants;

    public CallerIdentity(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public boolean isAuthenticated() {
        return jwt != null && jwt.getRawToken() != null;
    }

    /** The user id ({@code sub}). */
    public Optional<Long> userId() {
        try {
            return Optional.ofNullable(jwt.getSubject()).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String username() {
        String name = jwt.getClaim(Claims.USERNAME);
        return name != null ? name : jwt.getName();
    }

    public Set<String> roles() {
        Set<String> groups = jwt.getGroups();
        return groups == null ? Set.of() : groups;
    }

    public boolean isAdmin() {
        return roles().contains(Claims.ROLE_ADMIN);
    }

    /** The clinic center of a staff user, canonical spelling. */
    public Optional<String> center() {
        Object center = jwt.getClaim(Claims.CENTER);
        if (center instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        return Optional.ofNullable(center).map(Object::toString).filter(s -> !s.isBlank());
    }

    public Map<Long, PharmacyGrant> pharmacyGrants() {
        if (grants == null) {
            grants = parseGrants(jwt.getClaim(Claims.PHARMACIES));
        }
        return grants;
    }

    public boolean canRead(long pharmacyId) {
        if (isAdmin()) {
            return true;
        }
        PharmacyGrant grant = pharmacyGrants().get(pharmacyId);
        return grant != null && grant.canRead();
    }

    public boolean canWrite(long pharmacyId) {
        if (isAdmin()) {
            return true;
        }
        PharmacyGrant grant = pharmacyGrants().get(pharmacyId);
        return grant != null && grant.canWrite();
    }

    static Map<Long, PharmacyGrant> parseGrants(Object claim) {
        if (!(claim instanceof JsonObject object)) {
            return Map.of();
        }
        Map<Long, PharmacyGrant> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            try {
                long id = Long.parseLong(entry.getKey());
                String value = entry.getValue() instanceof JsonString s ? s.getString() : "";
                result.put(id, PharmacyGrant.fromClaim(id, value));
            } catch (NumberFormatException ignored) {
                // a malformed key grants nothing
            }
        }
        return Collections.unmodifiableMap(result);
    }
}
