package com.clinicsuite.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Mints RS256 tokens with the claims auth-service issues (docs/security.md), signed by a key pair generated
 * once per test JVM: no key is committed. {@link SuiteInfrastructure} hands the public key to the service under
 * test.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.clinicsuite.local";
    public static final String AUDIENCE = "clinic-suite";

    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();

    private TestTokens() {}

    /** The verification key as PEM body (base64 X.509), the form {@code mp.jwt.verify.publickey} takes. */
    public static String publicKeyPem() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public static Builder user(String username) {
        return new Builder(username);
    }

    public static String admin() {
        return user("admin").id(1).roles("admin").sign();
    }

    public static String staff(String center) {
        return user("staff-" + center.toLowerCase().replace(' ', '-'))
                .id(2)
                .roles("staff")
                .center(center)
                .sign();
    }

    public static String pharmacyReader(long pharmacyId) {
        return user("reader-" + pharmacyId)
                .id(3)
                .roles("pharmacy")
                .grant(pharmacyId, true, false)
                .sign();
    }

    public static String pharmacyWriter(long pharmacyId) {
        return user("writer-" + pharmacyId)
                .id(4)
                .roles("pharmacy")
                .grant(pharmacyId, true, true)
                .sign();
    }

    public static final class Builder {
        private final String username;
        private long id = 100;
        private final Set<String> roles = new LinkedHashSet<>();
        private String center;
        private final Map<String, String> pharmacies = new LinkedHashMap<>();
        private Duration lifetime = Duration.ofMinutes(30);
        private Instant issuedAt;
        private boolean foreignKey;
        private PrivateKey signingKey;
        private String keyId = "test-key";
        private String issuer = ISSUER;
        private String audience = AUDIENCE;

        private Builder(String username) {
            this.username = username;
        }

        public Builder id(long id) {
            this.id = id;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        public Builder center(String center) {
            this.center = center;
            return this;
        }

        public Builder grant(long pharmacyId, boolean canRead, boolean canWrite) {
            pharmacies.put(Long.toString(pharmacyId), canWrite ? "rw" : canRead ? "r" : "");
            return this;
        }

        /** A token that expired an hour ago. */
        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(2));
            this.lifetime = Duration.ofHours(1);
            return this;
        }

        /** A token issued now that expires after {@code lifetime} (second resolution, as exp is). */
        public Builder expiresIn(Duration lifetime) {
            this.issuedAt = null;
            this.lifetime = lifetime;
            return this;
        }

        /**
         * Signed with {@code key} and naming {@code keyId} instead of the test key pair (a service that trusts other
         * keys, such as auth-service with its own key ring). {@link #badSignature()} still signs with a foreign key.
         */
        public Builder signingKey(PrivateKey key, String keyId) {
            this.signingKey = key;
            this.keyId = keyId;
            return this;
        }

        /** Signed with a key the services do not trust (the header still names the trusted key's id). */
        public Builder badSignature() {
            this.foreignKey = true;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public String sign() {
            Instant iat = issuedAt != null ? issuedAt : Instant.now();
            JwtClaimsBuilder claims = Jwt.issuer(issuer)
                    .audience(audience)
                    .subject(Long.toString(id))
                    .upn(username)
                    .preferredUserName(username)
                    .groups(roles)
                    .claim("jti", UUID.randomUUID().toString())
                    .issuedAt(iat)
                    .expiresAt(iat.plus(lifetime));
            if (center != null) {
                claims.claim("center", center);
            }
            claims.claim("pharmacies", pharmacies);
            PrivateKey key = foreignKey ? OTHER_KEYS.getPrivate() : signingKey != null ? signingKey : KEYS.getPrivate();
            return claims.jws().keyId(keyId).sign(key);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
