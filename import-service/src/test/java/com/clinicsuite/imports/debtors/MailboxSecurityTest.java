package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.pharmacyExists;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryLong;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryString;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.imports.debtors.mailbox.MailboxPoller;
import com.clinicsuite.imports.debtors.pdf.HostilePdfs;
import com.clinicsuite.testkit.MailServer;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.icegreen.greenmail.user.GreenMailUser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.activation.DataHandler;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mailbox against mail an attacker can send, through GreenMail: a From header and Authentication-Results fields
 * of other servers prove nothing, the receiving server's results and the pharmacies' secret addresses do; a message
 * that imports nothing is quarantined with a failure record, and bad messages never keep a good one from importing.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class MailboxSecurityTest {

    /** As %test.import.mailbox.* in application.properties. */
    private static final String MAILBOX = "reports@clinicsuite.test";

    private static final String MX = "mx.clinicsuite.test";
    /** Mapped to KLOOF in the test profile; authentication "any" (the default). */
    private static final String KLOOF_SENDER = "reports@kloof.example";

    private static final long KLOOF = 7201;
    /** Mapped to reports@umhlanga.example, authentication "secret-address". */
    private static final long UMHLANGA = 7202;
    /** No sender mapped: only its secret address brings its reports in. */
    private static final long BALLITO = 7203;

    @Inject
    MailboxPoller poller;

    @Test
    void onlyTheReceivingServersResultsAuthenticateASender() throws Exception {
        pharmacyExists(KLOOF);
        GreenMailUser user = mailbox();
        user.deliver(
                reportMail(
                        KLOOF_SENDER,
                        MAILBOX,
                        "<forged-1@kloof.example>",
                        "a.pdf",
                        List.of(
                                "evil.example; dkim=pass header.d=kloof.example",
                                MX
                                        + ".evil.example; spf=pass smtp.mailfrom=kloof.example; dmarc=pass header.from=kloof.example")));
        user.deliver(reportMail(
                KLOOF_SENDER,
                MAILBOX,
                "<forged-2@kloof.example>",
                "b.pdf",
                List.of("evil.example; dkim=pass header.d=kloof.example", MX + "; dkim=fail header.d=kloof.example")));
        user.deliver(reportMail(
                KLOOF_SENDER,
                MAILBOX,
                "<other-domain@kloof.example>",
                "c.pdf",
                List.of(MX + "; dkim=pass header.d=evil.example")));
        user.deliver(reportMail(
                KLOOF_SENDER,
                MAILBOX,
                "<dkim@kloof.example>",
                "d.pdf",
                List.of(MX + "; dkim=pass (good) header.d=kloof.example header.s=s1")));
        user.deliver(reportMail(
                KLOOF_SENDER,
                MAILBOX,
                "<spf-dmarc@kloof.example>",
                "e.pdf",
                List.of(
                        MX + "; spf=pass smtp.mailfrom=bounce@kloof.example",
                        MX + "; dmarc=pass header.from=kloof.example")));

        assertThat(poller.poll()).isEqualTo(2);

        for (String forged :
                List.of("<forged-1@kloof.example>", "<forged-2@kloof.example>", "<other-domain@kloof.example>")) {
            Failure failure = failure(forged);
            assertThat(failure.pharmacyId()).isEqualTo(KLOOF);
            assertThat(failure.quarantined()).isTrue();
            assertThat(failure.error()).contains("could not be authenticated as coming from pharmacy 7201");
            assertThat(failure.sender()).isEqualTo(KLOOF_SENDER);
            assertThat(imported(forged)).isZero();
        }
        assertThat(failure("<forged-1@kloof.example>").error())
                .contains("no Authentication-Results from the receiving server " + MX);
        assertThat(failure("<forged-1@kloof.example>").filename()).isEqualTo("a.pdf");
        assertThat(failure("<forged-2@kloof.example>").error()).contains("dkim=fail");
        assertThat(imported("<dkim@kloof.example>")).isEqualTo(1);
        assertThat(imported("<spf-dmarc@kloof.example>")).isEqualTo(1);
        assertThat(folder("Quarantine"))
                .contains("<forged-1@kloof.example>", "<forged-2@kloof.example>", "<other-domain@kloof.example>");
        assertThat(folder("Processed")).contains("<dkim@kloof.example>", "<spf-dmarc@kloof.example>");
        assertThat(folder("INBOX")).isEmpty();
    }

    @Test
    void aSecretAddressBringsInReportsFromAnySenderUntilItIsReplacedOrRemoved() throws Exception {
        pharmacyExists(BALLITO);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(BALLITO))
                .post("/imports/mailbox/pharmacies/" + BALLITO + "/secret-address")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .post("/imports/mailbox/pharmacies/999999/secret-address")
                .then()
                .statusCode(404);
        String first = issueSecretAddress(BALLITO);
        assertThat(first).matches("reports\\+[0-9a-f]{40}@clinicsuite\\.test");
        String token = first.substring("reports+".length(), first.indexOf('@'));
        // only a hash is kept, and the address is never shown again
        assertThat(queryString("select token_hash from mailbox_secret_address where pharmacy_id = ?", BALLITO))
                .isEqualTo(sha256(token))
                .isNotEqualTo(token);
        String settings = given().auth()
                .oauth2(TestTokens.admin())
                .get("/imports/mailbox/pharmacies/" + BALLITO)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(settings)
                .doesNotContain(token)
                .contains("\"authentication\":\"any\"")
                .contains("created_at");

        GreenMailUser user = mailbox();
        // an unmapped sender, no Authentication-Results at all: the address is the proof
        user.deliver(reportMail("someone@gmail.example", first, "<secret-1@gmail.example>", "r.pdf", List.of()));
        assertThat(poller.poll()).isEqualTo(1);
        assertThat(imported("<secret-1@gmail.example>")).isEqualTo(1);
        assertThat(queryLong(
                        "select count(*) from debtor_report_upload where mail_message_id = ? and pharmacy_id = ?",
                        "<secret-1@gmail.example>",
                        BALLITO))
                .isEqualTo(1);

        String second = issueSecretAddress(BALLITO);
        assertThat(second).isNotEqualTo(first);
        user.deliver(reportMail("someone@gmail.example", first, "<secret-old@gmail.example>", "r.pdf", List.of()));
        user.deliver(reportMail(
                "someone@gmail.example", second.toUpperCase(), "<secret-new@gmail.example>", "r2.pdf", List.of()));
        assertThat(poller.poll()).isEqualTo(1);
        assertThat(failure("<secret-old@gmail.example>").error())
                .contains("secret address that is not (or no longer) valid");
        assertThat(imported("<secret-new@gmail.example>")).isEqualTo(1);

        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/imports/mailbox/pharmacies/" + BALLITO + "/secret-address")
                .then()
                .statusCode(204);
        user.deliver(reportMail("someone@gmail.example", second, "<secret-gone@gmail.example>", "r3.pdf", List.of()));
        assertThat(poller.poll()).isZero();
        assertThat(failure("<secret-gone@gmail.example>").quarantined()).isTrue();
    }

    @Test
    void aPharmacyThatTakesOnlyItsSecretAddressRefusesEvenAnAuthenticatedSender() throws Exception {
        pharmacyExists(UMHLANGA);
        mailbox()
                .deliver(reportMail(
                        "reports@umhlanga.example",
                        MAILBOX,
                        "<authenticated@umhlanga.example>",
                        "u.pdf",
                        List.of(MX + "; dkim=pass header.d=umhlanga.example")));

        assertThat(poller.poll()).isZero();
        assertThat(failure("<authenticated@umhlanga.example>").error())
                .contains("(authentication: secret-address)")
                .contains("it was not sent to the pharmacy's secret address");
        assertThat(imported("<authenticated@umhlanga.example>")).isZero();
    }

    @Test
    void badMessagesAreQuarantinedAndTheGoodOneAfterThemIsImported() throws Exception {
        pharmacyExists(KLOOF);
        GreenMailUser user = mailbox();
        String trusted = MX + "; dkim=pass header.d=kloof.example";
        // a multipart without its boundary
        user.deliver(raw("From: " + KLOOF_SENDER + "\r\nTo: " + MAILBOX + "\r\nMessage-ID: <broken@kloof.example>\r\n"
                + "Authentication-Results: " + trusted + "\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\nno boundary here\r\n"));
        // a From header that is no address
        user.deliver(raw("From: <<<@>>>\r\nTo: " + MAILBOX + "\r\nMessage-ID: <no-from@kloof.example>\r\n"
                + "Subject: x\r\n\r\nhello\r\n"));
        // larger than import.mailbox.max-message-size (2M in the test profile)
        byte[] big = new byte[(int) (2.5 * 1024 * 1024)];
        new Random(3).nextBytes(big);
        user.deliver(mail(KLOOF_SENDER, MAILBOX, "<too-big@kloof.example>", "big.pdf", big, List.of(trusted)));
        // a sender and a file name longer than their columns (320 and 255): stored cut, never a failed write
        String longSender = "r".repeat(400) + "@kloof.example";
        user.deliver(reportMail(longSender, MAILBOX, "<long-sender@kloof.example>", "s.pdf", List.of()));
        String longName = "n".repeat(10_000) + ".pdf";
        user.deliver(reportMail(KLOOF_SENDER, MAILBOX, "<long-name@kloof.example>", longName, List.of(trusted)));
        // the good one, last
        user.deliver(reportMail(KLOOF_SENDER, MAILBOX, "<good@kloof.example>", "good.pdf", List.of(trusted)));

        assertThat(poller.poll()).isEqualTo(2);

        assertThat(imported("<good@kloof.example>")).isEqualTo(1);
        assertThat(imported("<long-name@kloof.example>")).isEqualTo(1);
        String storedName = queryString(
                "select filename from debtor_report_upload where mail_message_id = ?", "<long-name@kloof.example>");
        assertThat(storedName).hasSize(255).endsWith("nnn.pdf");
        assertThat(failure("<too-big@kloof.example>").error()).contains("larger than the 2 MB");
        assertThat(failure("<too-big@kloof.example>").quarantined()).isTrue();
        assertThat(failure("<long-sender@kloof.example>").sender()).hasSizeLessThanOrEqualTo(320);
        assertThat(failure("<no-from@kloof.example>").quarantined()).isTrue();
        assertThat(queryLong(
                        "select count(*) from debtor_report_upload where mail_message_id = ?",
                        "<broken@kloof.example>"))
                .isEqualTo(1);
        assertThat(folder("INBOX")).isEmpty();
        assertThat(folder("Quarantine"))
                .contains("<too-big@kloof.example>", "<long-sender@kloof.example>", "<no-from@kloof.example>");

        // nothing is left to stop the next poll either
        assertThat(poller.poll()).isZero();
    }

    private static String issueSecretAddress(long pharmacyId) {
        return given().auth()
                .oauth2(TestTokens.admin())
                .post("/imports/mailbox/pharmacies/" + pharmacyId + "/secret-address")
                .then()
                .statusCode(201)
                .extract()
                .path("address");
    }

    /** A failure record as GET /imports/mailbox/failures lists it. */
    private record Failure(Long pharmacyId, String filename, String sender, String error, boolean quarantined) {}

    /** The failure record of the message. */
    private static Failure failure(String messageId) {
        List<java.util.Map<String, Object>> found = given().auth()
                .oauth2(TestTokens.admin())
                .get("/imports/mailbox/failures?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.message_id == '" + messageId + "' }");
        assertThat(found).as("failure of " + messageId).hasSize(1);
        java.util.Map<String, Object> failure = found.get(0);
        return new Failure(
                failure.get("pharmacy_id") == null ? null : ((Number) failure.get("pharmacy_id")).longValue(),
                (String) failure.get("filename"),
                (String) failure.get("sender"),
                (String) failure.get("error"),
                (Boolean) failure.get("quarantined"));
    }

    /** Uploads of the message that were handed over (not failed). */
    private static long imported(String messageId) throws Exception {
        return queryLong(
                "select count(*) from debtor_report_upload where mail_message_id = ? and status <> 'failed'",
                messageId);
    }

    private static GreenMailUser mailbox() {
        return MailServer.get().greenMail().setUser(MAILBOX, MAILBOX, "reports-secret");
    }

    /** The Message-IDs in a folder of the mailbox (empty when it does not exist). */
    private static List<String> folder(String name) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", MailServer.get().imapPort(), MAILBOX, "reports-secret");
        try (store) {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            try {
                List<String> ids = new ArrayList<>();
                for (Message message : folder.getMessages()) {
                    String[] id = message.getHeader("Message-ID"); // GreenMail has no envelope for a bad From
                    ids.add(id == null ? null : id[0]);
                }
                return ids;
            } finally {
                folder.close(false);
            }
        }
    }

    private static MimeMessage reportMail(
            String from, String to, String messageId, String filename, List<String> authenticationResults)
            throws Exception {
        byte[] pdf = HostilePdfs.report(
                "Mailed Pharmacy",
                List.of(new HostilePdfs.Account(
                        "000" + Math.abs(messageId.hashCode() % 1000), "MR A MAILED", "10.00")));
        return mail(from, to, messageId, filename, pdf, authenticationResults);
    }

    private static MimeMessage mail(
            String from, String to, String messageId, String filename, byte[] attachment, List<String> results)
            throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        for (String result : results) {
            message.addHeader("Authentication-Results", result);
        }
        message.setFrom(new InternetAddress(from, false));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, false));
        message.setSubject("Debtors age analysis");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Report attached.");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/pdf")));
        file.setFileName(filename);
        message.setContent(new MimeMultipart(text, file));
        message.saveChanges();
        return message;
    }

    private static MimeMessage raw(String message) throws Exception {
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
