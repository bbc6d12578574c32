package com.clinicsuite.imports.debtors.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only the configured receiving server's results count, and they must pass for the sender's own domain. */
class SenderAuthenticationTest {

    private static final Optional<String> MX = Optional.of("mx.clinic.example");
    private static final String DOMAIN = "winterton.example";

    @Test
    void anAlignedDkimPassFromTheTrustedServerPasses() {
        assertThat(check("mx.clinic.example; dkim=pass header.d=winterton.example")
                        .passed())
                .isTrue();
        assertThat(check("MX.CLINIC.EXAMPLE; dkim=pass header.i=reports@winterton.example")
                        .passed())
                .isTrue();
    }

    @Test
    void aDkimSignatureOfAParentDomainPassesForASubdomainSender() {
        assertThat(SenderAuthentication.check(
                                List.of("mx.clinic.example; dkim=pass header.d=winterton.example"),
                                MX,
                                "mail.winterton.example")
                        .passed())
                .isTrue();
    }

    @Test
    void aDkimSignatureOfAnotherDomainFails() {
        assertThat(check("mx.clinic.example; dkim=pass header.d=evil.example").passed())
                .isFalse();
        assertThat(check("mx.clinic.example; dkim=pass header.d=example").passed())
                .isFalse(); // a bare TLD
        assertThat(check("mx.clinic.example; dkim=pass header.d=sub.winterton.example")
                        .passed())
                .isFalse();
        assertThat(check("mx.clinic.example; dkim=pass header.d=xwinterton.example")
                        .passed())
                .isFalse();
        assertThat(check("mx.clinic.example; dkim=fail header.d=winterton.example")
                        .passed())
                .isFalse();
    }

    @Test
    void spfAndDmarcMustBothPassForTheDomain() {
        assertThat(check("mx.clinic.example; spf=pass smtp.mailfrom=bounce@mail.winterton.example; "
                                + "dmarc=pass header.from=winterton.example")
                        .passed())
                .isTrue();
        assertThat(check("mx.clinic.example; spf=pass smtp.mailfrom=winterton.example")
                        .passed())
                .isFalse();
        assertThat(check("mx.clinic.example; dmarc=pass header.from=winterton.example")
                        .passed())
                .isFalse();
        assertThat(check("mx.clinic.example; spf=pass smtp.mailfrom=evil.example; "
                                + "dmarc=pass header.from=winterton.example")
                        .passed())
                .isFalse();
        assertThat(check("mx.clinic.example; spf=pass smtp.mailfrom=winterton.example; "
                                + "dmarc=pass header.from=evil.example")
                        .passed())
                .isFalse();
    }

    @Test
    void resultsSplitOverSeveralFieldsOfTheTrustedServerCount() {
        assertThat(SenderAuthentication.check(
                                List.of(
                                        "mx.clinic.example; spf=pass smtp.mailfrom=winterton.example",
                                        "mx.clinic.example; dmarc=pass header.from=winterton.example"),
                                MX,
                                DOMAIN)
                        .passed())
                .isTrue();
    }

    @Test
    void fieldsFromOtherServersAreIgnoredWhateverTheySay() {
        SenderAuthentication.Verdict forged = SenderAuthentication.check(
                List.of(
                        "evil.example; dkim=pass header.d=winterton.example",
                        "mx.clinic.example.evil.example; dkim=pass header.d=winterton.example",
                        "mx.clinic.example; dkim=fail header.d=winterton.example"),
                MX,
                DOMAIN);
        assertThat(forged.passed()).isFalse();
        assertThat(forged.reason()).contains("dkim=fail").doesNotContain("evil");

        SenderAuthentication.Verdict none =
                SenderAuthentication.check(List.of("evil.example; dkim=pass header.d=winterton.example"), MX, DOMAIN);
        assertThat(none.passed()).isFalse();
        assertThat(none.reason()).contains("no Authentication-Results from the receiving server mx.clinic.example");
    }

    @Test
    void withoutAConfiguredAuthservIdNothingPasses() {
        SenderAuthentication.Verdict verdict = SenderAuthentication.check(
                List.of("mx.clinic.example; dkim=pass header.d=winterton.example"), Optional.empty(), DOMAIN);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reason()).contains("import.mailbox.authserv-id");
    }

    private static SenderAuthentication.Verdict check(String field) {
        return SenderAuthentication.check(List.of(field), MX, DOMAIN);
    }
}
