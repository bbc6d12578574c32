package com.clinicsuite.imports.debtors.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Authentication-Results fields as receiving servers write them (RFC 8601 and real servers), and malformed ones. */
class AuthenticationResultsTest {

    @Test
    void rfc8601SampleWithAllMethods() {
        AuthenticationResults results = parse("example.com;\r\n"
                + "          auth=pass (cram-md5) smtp.auth=sender@example.net;\r\n"
                + "          dkim=pass reason=\"good signature\" header.i=@mail-router.example.net;\r\n"
                + "          dkim=fail reason=\"bad signature\" header.i=@newyork.example.com");
        assertThat(results.authservId()).isEqualTo("example.com");
        assertThat(results.results())
                .extracting(AuthenticationResults.Result::method, AuthenticationResults.Result::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("auth", "pass"),
                        org.assertj.core.groups.Tuple.tuple("dkim", "pass"),
                        org.assertj.core.groups.Tuple.tuple("dkim", "fail"));
        assertThat(results.results().get(1).property("header.i")).contains("@mail-router.example.net");
        assertThat(results.results().get(1).property("reason")).contains("good signature");
    }

    @Test
    void gmailStyleWithCommentsAndVersionedMethods() {
        AuthenticationResults results = parse("mx.google.com;\n       dkim=pass header.i=@winterton.example "
                + "header.s=s1 header.b=abc;\n       spf=pass (google.com: domain of bounce@winterton.example "
                + "designates 1.2.3.4 as permitted sender) smtp.mailfrom=bounce@winterton.example;\n"
                + "       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=winterton.example");
        assertThat(results.authservId()).isEqualTo("mx.google.com");
        assertThat(results.results())
                .extracting(AuthenticationResults.Result::method)
                .containsExactly("dkim", "spf", "dmarc");
        assertThat(results.results().get(1).property("smtp.mailfrom")).contains("bounce@winterton.example");
        assertThat(results.results().get(2).property("header.from")).contains("winterton.example");
    }

    @Test
    void microsoftStyleWithBareWordsAndSpacesAroundEquals() {
        AuthenticationResults results = parse("spf=pass (sender IP is 1.2.3.4) smtp.mailfrom=winterton.example;"
                        .replace("spf", "MX.Clinic.Example 1; spf")
                + " dkim = pass (signature was verified) header.d=winterton.example;dmarc=pass action=none "
                + "header.from=winterton.example;compauth=pass reason=100");
        assertThat(results.authservId()).isEqualTo("mx.clinic.example");
        assertThat(results.results())
                .extracting(AuthenticationResults.Result::method)
                .containsExactly("spf", "dkim", "dmarc", "compauth");
        assertThat(results.results().get(1).result()).isEqualTo("pass");
        assertThat(results.results().get(1).property("header.d")).contains("winterton.example");
    }

    @Test
    void noneMeansNoResults() {
        AuthenticationResults results = parse("mx.clinic.example 1; none");
        assertThat(results.results()).isEmpty();
    }

    @Test
    void aCommentOrQuotedValueCannotAddAResult() {
        AuthenticationResults results =
                parse("mx.clinic.example; dkim=fail (x; dkim=pass header.d=winterton.example) header.d=evil.example;"
                        + " spf=fail reason=\"; dkim=pass header.d=winterton.example\" smtp.mailfrom=evil.example");
        assertThat(results.results())
                .extracting(AuthenticationResults.Result::method, AuthenticationResults.Result::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dkim", "fail"),
                        org.assertj.core.groups.Tuple.tuple("spf", "fail"));
        assertThat(results.results().get(0).property("header.d")).contains("evil.example");
    }

    @Test
    void malformedFieldsAreNotParsed() {
        for (String value : List.of(
                "",
                ";",
                "mx.clinic.example; dkim=pass (unclosed comment",
                "mx.clinic.example; dkim=\"pass",
                "mx.clinic.example extra words; dkim=pass",
                "mx.clinic.example; =pass",
                "mx.clinic.example; dkim=")) {
            assertThat(AuthenticationResults.parse(value)).as(value).isEmpty();
        }
        assertThat(AuthenticationResults.parse(null)).isEmpty();
    }

    private static AuthenticationResults parse(String value) {
        Optional<AuthenticationResults> parsed = AuthenticationResults.parse(value);
        assertThat(parsed).as(value).isPresent();
        return parsed.get();
    }
}
