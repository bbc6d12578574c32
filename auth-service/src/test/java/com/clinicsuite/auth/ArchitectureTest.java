package com.clinicsuite.auth;

import com.clinicsuite.testkit.LayeredArchitectureContract;
import java.util.Map;

class ArchitectureTest extends LayeredArchitectureContract {

    /** {@code keys}: the signing key ring and the parser of the service's own tokens, used by services. */
    @Override
    protected Map<String, Role> packageRoles() {
        return Map.of("keys", Role.SERVICE);
    }
}
