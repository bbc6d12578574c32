package com.clinicsuite.imports.debtors.mailbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the receiving mail server vouches for a sender's domain, from the {@code Authentication-Results} header
 * fields it added (RFC 8601). Only fields whose authserv-id is the configured one count: anyone can write an
 * Authentication-Results field into a message, and RFC 8601 section 5 makes the border server remove incoming fields
 * that claim its own authserv-id, so only its own can carry that id.
 *
 * <p>The domain passes when either
 * <ul>
 *   <li>a DKIM signature passed whose signing domain ({@code header.d}, else the domain of {@code header.i}) is the
 *       sender's domain or a parent of it ({@code winterton.example} signs for {@code reports@mail.winterton.example});
 *   <li>or SPF passed for an envelope sender ({@code smtp.mailfrom}, else {@code smtp.helo}) of that domain or a
 *       subdomain of it, and DMARC passed for exactly that {@code header.from} domain.
 * </ul>
 */
final class SenderAuthentication {

    /** The result, with a reason an operator can act on when it failed. */
    record Verdict(boolean passed, String reason) {}

    private SenderAuthentication() {}

    /**
     * @param headerValues  the message's Authentication-Results fields, in any order
     * @param authservId    the receiving server's authserv-id; empty when none is configured
     * @param senderDomain  the domain of the message's single From address
     */
    static Verdict check(List<String> headerValues, Optional<String> authservId, String senderDomain) {
        if (authservId.isEmpty() || authservId.get().isBlank()) {
            return fail("sender authentication is not set up (import.mailbox.authserv-id is not configured)");
        }
        String trusted = authservId.get().trim().toLowerCase(Locale.ROOT);
        String domain = normalise(senderDomain);
        List<AuthenticationResults.Result> results = new ArrayList<>();
        for (String value : headerValues) {
            AuthenticationResults.parse(value)
                    .filter(parsed -> parsed.authservId().equals(trusted))
                    .ifPresent(parsed -> results.addAll(parsed.results()));
        }
        if (results.isEmpty()) {
            return fail("the message carries no Authentication-Results from the receiving server " + trusted);
        }
        boolean dkim = false;
        boolean spf = false;
        boolean dmarc = false;
        Set<String> seen = new LinkedHashSet<>();
        for (AuthenticationResults.Result result : results) {
            seen.add(result.method() + "=" + result.result());
            if (!"pass".equals(result.result())) {
                continue;
            }
            switch (result.method()) {
                case "dkim" ->
                    dkim |= signingDomain(result)
                            .map(d -> isSameOrParent(d, domain))
                            .orElse(false);
                case "spf" ->
                    spf |= envelopeDomain(result)
                            .map(d -> isSameOrParent(domain, d))
                            .orElse(false);
                case "dmarc" ->
                    dmarc |= result.property("header.from")
                            .map(d -> normalise(d).equals(domain))
                            .orElse(false);
                default -> {}
            }
        }
        if (dkim || (spf && dmarc)) {
            return new Verdict(true, null);
        }
        return fail("the receiving server " + trusted + " reports " + String.join(", ", seen) + ": no DKIM signature"
                + " of " + domain + " passed, and SPF and DMARC did not both pass for it");
    }

    private static Optional<String> signingDomain(AuthenticationResults.Result dkim) {
        return dkim.property("header.d").or(() -> dkim.property("header.i").map(SenderAuthentication::domainOf));
    }

    private static Optional<String> envelopeDomain(AuthenticationResults.Result spf) {
        return spf.property("smtp.mailfrom")
                .filter(mailfrom -> !mailfrom.isBlank())
                .or(() -> spf.property("smtp.helo"))
                .map(SenderAuthentication::domainOf);
    }

    /** Whether {@code domain} is {@code parent} or below it; a parent needs a dot (no bare top-level domain). */
    private static boolean isSameOrParent(String parent, String domain) {
        String p = normalise(parent);
        return !p.isEmpty() && (domain.equals(p) || (p.indexOf('.') > 0 && domain.endsWith("." + p)));
    }

    static String domainOf(String address) {
        return normalise(address.substring(address.lastIndexOf('@') + 1));
    }

    private static String normalise(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    private static Verdict fail(String reason) {
        return new Verdict(false, reason);
    }
}
