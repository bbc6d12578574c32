package com.clinicsuite.auth.keys;

import com.clinicsuite.auth.config.AuthConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * The RSA keys auth-service signs and verifies with, read from a directory of {@code <kid>.pem} files (a mounted
 * Kubernetes secret in production). Rotation: add a new key file (it signs once it is the active kid), keep the
 * old one until the tokens it signed have expired, then remove it. The directory is re-read periodically, so a
 * rotated secret takes effect without a restart; other services re-fetch the JWKS on an unknown kid.
 */
@Startup
@Singleton
public class SigningKeyRing {

    private static final Logger LOG = Logger.getLogger(SigningKeyRing.class);
    private static final String SUFFIX = ".pem";
    private static final DateTimeFormatter GENERATED_KID =
            DateTimeFormatter.ofPattern("'dev-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private record Snapshot(SigningKey active, Map<String, SigningKey> byKid, String jwksJson) {}

    private final AuthConfig.Keys config;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public SigningKeyRing(AuthConfig config, Clock clock) {
        this.config = config.keys();
        this.clock = clock;
        reload();
    }

    /** The key new tokens are signed with. */
    public SigningKey active() {
        return snapshot.active();
    }

    /** The public key of {@code kid}, if it is still in the ring. */
    public Optional<RSAPublicKey> verificationKey(String kid) {
        SigningKey key = kid == null ? null : snapshot.byKid().get(kid);
        return Optional.ofNullable(key).map(SigningKey::publicKey);
    }

    /** The public keys as a JWK Set (RFC 7517): what {@code /.well-known/jwks.json} answers. */
    public String jwksJson() {
        return snapshot.jwksJson();
    }

    /** Re-reads the key directory; a broken directory keeps the previous keys (and says so). */
    @Scheduled(every = "{auth.keys.reload-interval}", delayed = "{auth.keys.reload-interval}")
    void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.errorf(
                    "Signing keys not reloaded, keeping kid %s: %s",
                    snapshot.active().kid(), e.getMessage());
        }
    }

    public synchronized void reload() {
        Path dir = Path.of(config.dir());
        Map<String, SigningKey> found = readKeys(dir);
        if (found.isEmpty()) {
            if (!config.generateIfMissing()) {
                throw new IllegalStateException("No signing key (<kid>.pem) in " + dir.toAbsolutePath()
                        + ": mount the key secret there, or set auth.keys.generate-if-missing=true in development");
            }
            SigningKey generated = generateAndKeep(dir);
            found = Map.of(generated.kid(), generated);
        }
        Map<String, SigningKey> keys = Map.copyOf(found);
        String activeKid = config.active().orElseGet(() -> Collections.max(keys.keySet()));
        SigningKey active = keys.get(activeKid);
        if (active == null) {
            throw new IllegalStateException("auth.keys.active names kid " + activeKid + ", which is not in " + dir);
        }
        Snapshot previous = snapshot;
        snapshot = new Snapshot(active, keys, toJwks(keys.values().stream().toList()));
        if (previous == null
                || !previous.byKid().keySet().equals(keys.keySet())
                || !previous.active().kid().equals(activeKid)) {
            LOG.infof("Signing with kid %s; verifying kids %s", activeKid, keys.keySet());
        }
    }

    private static Map<String, SigningKey> readKeys(Path dir) {
        Map<String, SigningKey> keys = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .toList()) {
                String name = file.getFileName().toString();
                String kid = name.substring(0, name.length() - SUFFIX.length());
                keys.put(kid, decode(kid, Files.readString(file, StandardCharsets.US_ASCII)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read signing keys from " + dir, e);
        }
        return keys;
    }

    private static SigningKey decode(String kid, String pem) {
        try {
            PrivateKey privateKey = KeyUtils.decodePrivateKey(pem);
            if (!(privateKey instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalStateException("Signing key " + kid + " is not an RSA (PKCS#8) private key");
            }
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return new SigningKey(kid, privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Signing key " + kid + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Development only: one key pair, written once (owner-only file) so tokens survive a restart. */
    private SigningKey generateAndKeep(Path dir) {
        try {
            KeyPair pair = KeyUtils.generateKeyPair(2048);
            String kid = GENERATED_KID.format(clock.instant());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, kid, ".tmp");
            writeOwnerOnly(temp, pem);
            try {
                Files.move(temp, dir.resolve(kid + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(kid + SUFFIX));
            }
            LOG.warnf(
                    "No signing key configured: generated kid %s in %s (development only)", kid, dir.toAbsolutePath());
            return new SigningKey(kid, pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a generated signing key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static String toJwks(List<SigningKey> keys) {
        List<JsonWebKey> jwks = keys.stream()
                .map(k -> {
                    RsaJsonWebKey jwk = new RsaJsonWebKey(k.publicKey());
                    jwk.setKeyId(k.kid());
                    jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                    jwk.setUse("sig");
                    return (JsonWebKey) jwk;
                })
                .toList();
        return new JsonWebKeySet(jwks).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
