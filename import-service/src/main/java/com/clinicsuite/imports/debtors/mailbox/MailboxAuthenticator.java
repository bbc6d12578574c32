package com.clinicsuite.imports.debtors.mailbox;

import com.clinicsuite.imports.debtors.config.MailboxAuthentication;
import com.clinicsuite.imports.debtors.config.MailboxConfig;
import com.clinicsuite.imports.debtors.service.MailboxSecretAddresses;
import com.clinicsuite.imports.service.Blocking;
import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides which pharmacy a mailed report belongs to, and whether the message proves it comes from that pharmacy, as
 * the pharmacy's {@link MailboxAuthentication} asks: from one of its sender addresses with the receiving server's
 * Authentication-Results vouching for that address's domain ({@link SenderAuthentication}), or sent to its secret
 * address ({@link MailboxSecretAddresses}). The pharmacy is the secret address's when the message was sent to one (a
 * secret address cannot be guessed), else the folder's, else the sender's. A {@code From:} alone proves nothing.
 */
@ApplicationScoped
public class MailboxAuthenticator {

    /** Where the receiving server puts the envelope recipient, then where the sender put the recipients. */
    private static final List<String> RECIPIENT_HEADERS = List.of("Delivered-To", "X-Original-To", "To", "Cc");
    /** Recipients looked at per header; a report mail has one or two. */
    private static final int MAX_RECIPIENTS = 50;

    private final MailboxConfig config;
    private final MailboxSecretAddresses secretAddresses;

    public MailboxAuthenticator(MailboxConfig config, MailboxSecretAddresses secretAddresses) {
        this.config = config;
        this.secretAddresses = secretAddresses;
    }

    /**
     * @param pharmacyId the pharmacy the message was taken for; null when it maps to none
     * @param refusal    why the message is not accepted; null when it is
     */
    public record Decision(Long pharmacyId, String refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    /**
     * @param sender         the message's single From address (lower case); null when it has none or several
     * @param folderPharmacy the pharmacy of the folder the message was found in, if it is a per-pharmacy folder
     */
    public Decision decide(Message message, String sender, Long folderPharmacy) throws MessagingException {
        Optional<String> token = secretToken(message);
        Long tokenPharmacy = token.map(
                        t -> Blocking.await(() -> Panache.withSession(() -> secretAddresses.pharmacyOf(t))))
                .orElse(null);
        Long senderPharmacy = sender == null ? null : config.senders().get(sender);
        Long pharmacy =
                tokenPharmacy != null ? tokenPharmacy : folderPharmacy != null ? folderPharmacy : senderPharmacy;
        if (pharmacy == null) {
            return new Decision(
                    null,
                    token.isPresent()
                            ? "The message was sent to a secret address that is not (or no longer) valid, and its "
                                    + "sender or folder is not mapped to a pharmacy; nothing was imported"
                            : "The sender or folder of this message is not mapped to a pharmacy "
                                    + "(import.mailbox.senders / folders) and it was not sent to a pharmacy's secret "
                                    + "address; nothing was imported");
        }
        MailboxAuthentication mode =
                config.authentication().getOrDefault(Long.toString(pharmacy), config.defaultAuthentication());
        if (mode.allowsSecretAddress() && pharmacy.equals(tokenPharmacy)) {
            return new Decision(pharmacy, null);
        }
        List<String> reasons = new ArrayList<>();
        if (mode.allowsSender()) {
            if (sender == null) {
                reasons.add("the message does not have exactly one From address");
            } else if (!pharmacy.equals(senderPharmacy)) {
                reasons.add("its sender is not one of the pharmacy's sender addresses (import.mailbox.senders)");
            } else {
                SenderAuthentication.Verdict verdict = SenderAuthentication.check(
                        headers(message, "Authentication-Results"),
                        config.authservId(),
                        SenderAuthentication.domainOf(sender));
                if (verdict.passed()) {
                    return new Decision(pharmacy, null);
                }
                reasons.add(verdict.reason());
            }
        }
        if (mode.allowsSecretAddress()) {
            reasons.add(
                    token.isPresent()
                            ? "the secret address it was sent to is not (or no longer) the pharmacy's"
                            : "it was not sent to the pharmacy's secret address");
        }
        return new Decision(
                pharmacy,
                "The message could not be authenticated as coming from pharmacy " + pharmacy + " (authentication: "
                        + mode.value() + "): "
                        + String.join("; ", reasons) + ". Nothing was imported");
    }

    /** The token of the first recipient that is one of this mailbox's secret addresses. */
    private Optional<String> secretToken(Message message) throws MessagingException {
        for (String header : RECIPIENT_HEADERS) {
            for (String value : headers(message, header)) {
                InternetAddress[] addresses;
                try {
                    addresses = InternetAddress.parseHeader(value, false);
                } catch (AddressException e) {
                    continue; // a malformed recipient header proves nothing
                }
                for (InternetAddress address :
                        Arrays.asList(addresses).subList(0, Math.min(addresses.length, MAX_RECIPIENTS))) {
                    if (address.getAddress() != null) {
                        Optional<String> token = secretAddresses.tokenOf(address.getAddress());
                        if (token.isPresent()) {
                            return token;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> headers(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? List.of() : List.of(values);
    }
}
