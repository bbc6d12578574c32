package com.clinicsuite.notification.service;

import com.clinicsuite.notification.config.NotificationConfig;
import com.clinicsuite.web.errors.NotAllowed;
import com.clinicsuite.web.errors.NotAuthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Decides whether a provider's callback is genuine. SendGrid: its ECDSA signature over timestamp + body when a
 * verification key is configured, else the shared token; SMSPortal: the shared token. The token travels in the
 * {@value #TOKEN_HEADER} header: a query string ends up in access logs (gateway, proxies), so a token sent as
 * {@code ?token=} is never accepted. Missing credentials answer 401, wrong ones 403; a webhook with nothing
 * configured refuses every call.
 */
@ApplicationScoped
public class WebhookGuard {

    /** The header providers send the shared webhook token in. */
    public static final String TOKEN_HEADER = "X-Webhook-Token";

    private final Optional<PublicKey> sendGridKey;
    private final Optional<String> sendGridToken;
    private final Optional<String> smsPortalToken;
    private final Duration maxSignatureAge;

    @Inject
    public WebhookGuard(NotificationConfig config) {
        this(
                config.webhooks().sendgridVerificationKey(),
                config.webhooks().sendgridToken(),
                config.webhooks().smsportalToken(),
                config.webhooks().maxSignatureAge());
    }

    WebhookGuard(
            Optional<String> sendGridKey,
            Optional<String> sendGridToken,
            Optional<String> smsPortalToken,
            Duration maxSignatureAge) {
        this.sendGridKey = sendGridKey.filter(k -> !k.isBlank()).map(WebhookGuard::publicKey);
        this.sendGridToken = sendGridToken.filter(t -> !t.isBlank());
        this.smsPortalToken = smsPortalToken.filter(t -> !t.isBlank());
        this.maxSignatureAge = maxSignatureAge;
    }

    /**
     * @param token the {@value #TOKEN_HEADER} header
     * @param tokenInQuery whether the call also carried a {@code token} query parameter (refused, see above)
     */
    public void checkSendGrid(String token, boolean tokenInQuery, String signature, String timestamp, byte[] body) {
        if (sendGridKey.isPresent()) {
            if (signature == null || timestamp == null) {
                throw new NotAuthenticated("Unsigned SendGrid webhook call", "Signature");
            }
            if (!validSignature(sendGridKey.get(), signature, timestamp, body)) {
                throw new NotAllowed("The SendGrid webhook signature does not verify");
            }
            return;
        }
        checkToken(sendGridToken, token, tokenInQuery, "SendGrid");
    }

    /** As {@link #checkSendGrid}: the token from the {@value #TOKEN_HEADER} header, never the query string. */
    public void checkSmsPortal(String token, boolean tokenInQuery) {
        checkToken(smsPortalToken, token, tokenInQuery, "SMSPortal");
    }

    private static void checkToken(Optional<String> expected, String given, boolean tokenInQuery, String provider) {
        if (expected.isEmpty()) {
            throw new NotAllowed("The " + provider + " webhook is not enabled on this deployment");
        }
        if (given == null || given.isEmpty()) {
            throw new NotAuthenticated(
                    tokenInQuery
                            ? "The " + provider + " webhook token goes in the " + TOKEN_HEADER
                                    + " header; a token in the query string is not accepted"
                            : "The " + provider + " webhook needs its token in the " + TOKEN_HEADER + " header",
                    "Token");
        }
        if (!MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new NotAllowed("Wrong " + provider + " webhook token");
        }
    }

    private boolean validSignature(PublicKey key, String signature, String timestamp, byte[] body) {
        try {
            long seconds = Long.parseLong(timestamp.strip());
            if (Duration.between(Instant.ofEpochSecond(seconds), Instant.now())
                            .abs()
                            .compareTo(maxSignatureAge)
                    > 0) {
                return false; // a replay of an old, genuinely signed call
            }
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(Base64.getDecoder().decode(signature.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "notification.webhooks.sendgrid-verification-key is not a base64 EC public key");
        }
    }
}
