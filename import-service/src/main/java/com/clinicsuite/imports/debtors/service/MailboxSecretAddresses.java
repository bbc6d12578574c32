package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.imports.debtors.config.MailboxConfig;
import com.clinicsuite.imports.debtors.repository.MailboxSecretAddress;
import com.clinicsuite.imports.debtors.repository.MailboxSecretAddressRepository;
import com.clinicsuite.vocabulary.StoredText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-pharmacy secret mailbox addresses: {@code <local part>+<token>@<domain>} of the mailbox's own address, where the
 * token is 160 random bits (40 hex digits). A mail to it proves its sender was given the address, whatever its From.
 * Only the token's SHA-256 is stored (a slow hash buys nothing for a random 160-bit token); the address is shown once,
 * when it is made, and making a new one replaces the old.
 */
@ApplicationScoped
public class MailboxSecretAddresses {

    private static final int TOKEN_BYTES = 20;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{" + 2 * TOKEN_BYTES + "}");

    private final MailboxSecretAddressRepository repository;
    private final MailboxConfig config;
    private final SecureRandom random = new SecureRandom();

    public MailboxSecretAddresses(MailboxSecretAddressRepository repository, MailboxConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** A new address made. */
    public record Issued(long pharmacyId, String address, OffsetDateTime createdAt) {}

    /** The mailbox's own address, if configured (or the IMAP username is one). */
    public Optional<String> mailboxAddress() {
        return config.address()
                .or(config::username)
                .map(String::trim)
                .filter(address -> address.indexOf('@') > 0 && address.indexOf('@') == address.lastIndexOf('@'));
    }

    /** Makes a new secret address for the pharmacy, replacing any; in the caller's transaction. */
    public Uni<Issued> issue(long pharmacyId, String issuedBy) {
        String mailbox = mailboxAddress()
                .orElseThrow(() -> new IllegalStateException("import.mailbox.address is not configured"));
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int at = mailbox.indexOf('@');
        String address = mailbox.substring(0, at) + "+" + token + mailbox.substring(at);
        return repository
                .findById(pharmacyId)
                .chain(existing -> {
                    MailboxSecretAddress row = existing != null ? existing : new MailboxSecretAddress();
                    row.pharmacyId = pharmacyId;
                    row.tokenHash = hash(token);
                    row.createdAt = now;
                    row.createdBy = StoredText.bounded(issuedBy, 100);
                    return existing != null ? Uni.createFrom().item(row) : row.persist();
                })
                .replaceWith(new Issued(pharmacyId, address, now));
    }

    /** Removes the pharmacy's secret address; true if it had one. In the caller's transaction. */
    public Uni<Boolean> revoke(long pharmacyId) {
        return repository.deleteById(pharmacyId);
    }

    /** The pharmacy's address record (without the token, which is not kept), or null. */
    public Uni<MailboxSecretAddress> find(long pharmacyId) {
        return repository.findById(pharmacyId);
    }

    /**
     * The token of a recipient address that is a secret address of this mailbox ({@code reports+<token>@...}: the same
     * local part, case-insensitive, any domain the mailbox receives for), if it is one.
     */
    public Optional<String> tokenOf(String recipient) {
        Optional<String> mailbox = mailboxAddress();
        int at = recipient.lastIndexOf('@');
        if (mailbox.isEmpty() || at <= 0) {
            return Optional.empty();
        }
        String local = recipient.substring(0, at).toLowerCase(Locale.ROOT);
        String base = mailbox.get().substring(0, mailbox.get().indexOf('@')).toLowerCase(Locale.ROOT) + "+";
        if (!local.startsWith(base)) {
            return Optional.empty();
        }
        Matcher token = TOKEN.matcher(local.substring(base.length()));
        return token.matches() ? Optional.of(token.group()) : Optional.empty();
    }

    /** The pharmacy whose current secret address has this token, or null. In the caller's session. */
    public Uni<Long> pharmacyOf(String token) {
        return repository.findByTokenHash(hash(token)).map(row -> row == null ? null : row.pharmacyId);
    }

    private static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
