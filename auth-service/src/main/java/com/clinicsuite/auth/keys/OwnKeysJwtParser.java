package com.clinicsuite.auth.keys;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * auth-service verifies bearer tokens against its own key ring in-process: exactly the keys its JWKS publishes,
 * without an HTTP call to itself and whatever {@code mp.jwt.verify.publickey*} says. Issuer, audience, expiry and
 * clock skew still come from the {@code mp.jwt.verify.*} configuration, as in every other service.
 */
@Alternative
@Priority(1)
@Singleton
public class OwnKeysJwtParser extends DefaultJWTParser {

    private final SigningKeyRing keys;

    @Inject
    public OwnKeysJwtParser(SigningKeyRing keys) {
        this.keys = keys;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        String kid = keyId(bearerToken);
        return verify(
                bearerToken,
                keys.verificationKey(kid)
                        .orElseThrow(() -> new ParseException("Token signed by an unknown key: " + kid)));
    }

    private static String keyId(String token) throws ParseException {
        try {
            return JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
        } catch (JoseException e) {
            throw new ParseException("Malformed token", e);
        }
    }
}
