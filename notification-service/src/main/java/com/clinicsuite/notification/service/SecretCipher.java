package com.clinicsuite.notification.service;

import com.clinicsuite.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts provider secrets at rest with AES-256-GCM: {@code v1:} + base64(12-byte nonce + ciphertext + tag).
 * The version prefix leaves room for key rotation. Never logs or echoes a secret.
 */
@ApplicationScoped
public class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(NotificationConfig config) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(config.secrets().key().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("notification.secrets.key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(
                    "notification.secrets.key must be 256 bits (32 bytes), is " + raw.length * 8);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret", e);
        }
    }

    public String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown secret format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // no cause: it could carry key material details; the message is enough to act on
            throw new IllegalStateException("A stored secret cannot be decrypted with the configured key");
        }
    }

    /** How a secret is shown back: {@code ****} and its last four characters. */
    public static String mask(String plain) {
        return "****" + (plain.length() > 4 ? plain.substring(plain.length() - 4) : "");
    }
}
