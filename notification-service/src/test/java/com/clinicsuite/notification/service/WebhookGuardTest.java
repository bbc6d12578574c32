package com.clinicsuite.notification.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicsuite.web.errors.NotAllowed;
import com.clinicsuite.web.errors.NotAuthenticated;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SendGrid's Signed Event Webhook: ECDSA P-256 over timestamp + raw body, as SendGrid signs it. */
class WebhookGuardTest {

    private static final byte[] BODY =
            "[{\"event\":\"delivered\",\"sg_message_id\":\"abc.filter\"}]".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureFromTheConfiguredKeyIsAcceptedAndAnythingElseRefused() throws Exception {
        KeyPair sendGrid = ecKeyPair();
        KeyPair impostor = ecKeyPair();
        WebhookGuard guard = new WebhookGuard(
                Optional.of(
                        Base64.getEncoder().encodeToString(sendGrid.getPublic().getEncoded())),
                Optional.of("token-is-ignored-when-signing"),
                Optional.empty(),
                Duration.ofMinutes(10));
        String now = Long.toString(Instant.now().getEpochSecond());

        assertThatCode(() -> guard.checkSendGrid(null, false, sign(sendGrid, now, BODY), now, BODY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.checkSendGrid(null, false, sign(impostor, now, BODY), now, BODY))
                .isInstanceOf(NotAllowed.class);
        byte[] tampered = "[{\"event\":\"bounce\"}]".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> guard.checkSendGrid(null, false, sign(sendGrid, now, BODY), now, tampered))
                .isInstanceOf(NotAllowed.class);
        String old = Long.toString(Instant.now().minus(Duration.ofHours(1)).getEpochSecond());
        assertThatThrownBy(() -> guard.checkSendGrid(null, false, sign(sendGrid, old, BODY), old, BODY))
                .as("a replayed old call")
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> guard.checkSendGrid("token-is-ignored-when-signing", false, null, null, BODY))
                .isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void withoutAnyConfigurationEveryCallIsRefused() {
        WebhookGuard guard =
                new WebhookGuard(Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofMinutes(10));
        assertThatThrownBy(() -> guard.checkSendGrid("anything", false, null, null, BODY))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> guard.checkSmsPortal("anything", false)).isInstanceOf(NotAllowed.class);
    }

    @Test
    void theSharedTokenCountsOnlyFromItsHeaderNeverFromTheQueryString() {
        WebhookGuard guard = new WebhookGuard(
                Optional.empty(), Optional.of("sg-shared"), Optional.of("sms-shared"), Duration.ofMinutes(10));

        assertThatCode(() -> guard.checkSendGrid("sg-shared", false, null, null, BODY))
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.checkSmsPortal("sms-shared", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.checkSmsPortal("sg-shared", false)).isInstanceOf(NotAllowed.class);
        // a caller still configured with ?token= is told where the token goes, and refused
        assertThatThrownBy(() -> guard.checkSendGrid(null, true, null, null, BODY))
                .isInstanceOf(NotAuthenticated.class)
                .hasMessageContaining(WebhookGuard.TOKEN_HEADER)
                .hasMessageContaining("query string");
        assertThatThrownBy(() -> guard.checkSmsPortal(null, true))
                .isInstanceOf(NotAuthenticated.class)
                .hasMessageContaining(WebhookGuard.TOKEN_HEADER);
        assertThatThrownBy(() -> guard.checkSmsPortal(null, false)).isInstanceOf(NotAuthenticated.class);
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String sign(KeyPair keys, String timestamp, byte[] body) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
        signer.update(body);
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
