package com.clinicsuite.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** Which tokens a "not before" instant refuses: by the access_version claim to the millisecond, else by iat. */
class AccessVersionRuleTest {

    private static final Instant CHANGE = Instant.parse("2026-12-10T09:15:30.250Z");

    private final AccessRevocations revocations = new AccessRevocations(new ObjectMapper());

    @Test
    void theAccessVersionClaimIsComparedToTheMillisecond() {
        revocations.revokeBefore(7, CHANGE);
        assertThat(revocations.isRevoked(7, token(CHANGE.minusMillis(1), CHANGE)))
                .isTrue();
        // issued in the same second and even the same millisecond, but from the changed access: accepted
        assertThat(revocations.isRevoked(7, token(CHANGE, CHANGE))).isFalse();
        assertThat(revocations.isRevoked(7, token(CHANGE.plusMillis(5), CHANGE)))
                .isFalse();
        // another user is not concerned
        assertThat(revocations.isRevoked(8, token(CHANGE.minusSeconds(60), CHANGE)))
                .isFalse();
    }

    @Test
    void aTokenWithoutTheClaimIsPlacedByItsIatRoundedDown() {
        revocations.revokeBefore(7, CHANGE);
        assertThat(revocations.isRevoked(7, token(null, CHANGE.minusSeconds(1))))
                .isTrue();
        // iat 09:15:30 is before 09:15:30.250: refused although it may have been issued after the change
        assertThat(revocations.isRevoked(7, token(null, CHANGE.plusMillis(500))))
                .isTrue();
        assertThat(revocations.isRevoked(7, token(null, CHANGE.plusSeconds(1)))).isFalse();
    }

    @Test
    void theLatestChangeWinsWhateverTheOrderEventsArriveIn() {
        revocations.revokeBefore(7, CHANGE);
        revocations.revokeBefore(7, CHANGE.minusSeconds(3600));
        assertThat(revocations.isRevoked(7, token(CHANGE.minusMillis(1), CHANGE)))
                .isTrue();
    }

    private static JsonWebToken token(Instant accessVersion, Instant issuedAt) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("7");
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        if (accessVersion != null) {
            claims.setClaim(Claims.ACCESS_VERSION, accessVersion.toEpochMilli());
        }
        return new DefaultJWTCallerPrincipal(claims);
    }
}
