package com.clinicsuite.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.documents.PdfLayout;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.support.ProviderStubs;
import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reminders that carry the debtor's statement of account ({@code attach_statement}): a PDF attachment through the
 * real SMTP server (GreenMail) and through SendGrid v3 (base64 {@code attachments[]}, WireMock answering as SendGrid
 * documents), read back with PDFBox; the greeting uses the name as people write it.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class StatementAttachmentTest {

    private static final WireMock STUBS = ProviderStubs.client();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anSmtpReminderCarriesTheStatementAsAPdfAttachment() throws Exception {
        long pharmacy = TestData.newPharmacyId();
        TestData.configure(pharmacy, TestData.smtpSettings());
        String recipient = "dreyer." + pharmacy + "@debtors.example";
        ReminderRequested reminder = withStatement(pharmacy, recipient, "en");
        TestData.publish(reminder);

        MimeMessage mail = EmailDeliveryTest.awaitMails(recipient, 1).get(0);
        String text = EmailDeliveryTest.textOf(mail);
        assertThat(text)
                .contains("Dear Miss FJ Dreyer,")
                .contains("Your statement of account is attached (statement_DRE" + pharmacy + ".pdf).");
        List<Part> attachments = attachments(mail);
        assertThat(attachments).hasSize(1);
        Part pdf = attachments.get(0);
        assertThat(pdf.getFileName()).isEqualTo("statement_DRE" + pharmacy + ".pdf");
        assertThat(pdf.isMimeType("application/pdf")).isTrue();
        byte[] bytes;
        try (InputStream in = pdf.getInputStream()) {
            bytes = in.readAllBytes();
        }
        PdfLayout statement = PdfLayout.read(bytes);
        assertThat(statement.text())
                .contains("Winterton Pharmacy") // the letterhead from the pharmacy's notification settings
                .contains("Tel 036 000 0000")
                .contains("FNB 62000000000 branch 250655")
                .contains("Statement of account")
                .contains("Miss FJ Dreyer")
                .contains("Balances as at 30 November 2026")
                .contains("Payment reference: DRE" + pharmacy)
                .contains("R 12 354.56");
        assertThat(PdfLayout.overlaps(statement.runs(1))).isEmpty();
        SendGridDeliveryTest.awaitStatus(reminder, "sent");
    }

    @Test
    void aSendGridReminderCarriesTheStatementAsABase64Attachment() throws Exception {
        long pharmacy = TestData.newPharmacyId();
        Map<String, Object> settings = TestData.smtpSettings();
        settings.put("email_provider", "sendgrid");
        settings.put("sendgrid_api_key", "SG.statement-" + pharmacy);
        TestData.configure(pharmacy, settings);
        String fileName = "statement_DRE" + pharmacy + ".pdf";
        // the request SendGrid's v3 Mail Send documents for a file: attachments[] of {content (base64), type,
        // filename, disposition}; anything else is not stubbed and fails the delivery
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer SG.statement-" + pharmacy))
                .withRequestBody(matchingJsonPath("$.attachments[0].type", equalTo("application/pdf")))
                .withRequestBody(matchingJsonPath("$.attachments[0].filename", equalTo(fileName)))
                .withRequestBody(matchingJsonPath("$.attachments[0].disposition", equalTo("attachment")))
                .withRequestBody(matchingJsonPath("$.attachments[0].content", WireMock.matching("[A-Za-z0-9+/=]+")))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-statement-" + pharmacy)));
        ReminderRequested reminder = withStatement(pharmacy, "sg." + pharmacy + "@debtors.example", "af");
        TestData.publish(reminder);

        SendGridDeliveryTest.awaitStatus(reminder, "sent");
        List<LoggedRequest> requests = STUBS.find(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer SG.statement-" + pharmacy)));
        assertThat(requests).hasSize(1);
        JsonNode body = JSON.readTree(requests.get(0).getBodyAsString());
        assertThat(body.get("attachments")).hasSize(1);
        byte[] pdf = Base64.getDecoder()
                .decode(body.get("attachments").get(0).get("content").asText());
        assertThat(PdfLayout.read(pdf).text())
                .contains("Rekeningstaat")
                .contains("Miss FJ Dreyer")
                .contains("Bedrag verskuldig")
                .contains("Betalingsverwysing: DRE" + pharmacy)
                .contains("R 12 354,56") // the Afrikaans statement writes amounts as the Afrikaans e-mail does
                .contains("R 12 234,56")
                .doesNotContain("R 12 354.56");
        assertThat(body.get("content").get(0).get("value").asText())
                .as("the Afrikaans e-mail names the attachment")
                .contains("U rekeningstaat is aangeheg (" + fileName + ")")
                .as("and its amount due (60 days and older), the statement's overdue line, the same way")
                .contains("R 12 234,56");
    }

    @Test
    void aReminderWithoutAStatementHasNoAttachment() throws Exception {
        long pharmacy = TestData.newPharmacyId();
        TestData.configure(pharmacy, TestData.smtpSettings());
        String recipient = "plain." + pharmacy + "@debtors.example";
        TestData.publish(TestData.reminder(pharmacy, "email", recipient));

        MimeMessage mail = EmailDeliveryTest.awaitMails(recipient, 1).get(0);
        assertThat(attachments(mail)).isEmpty();
        assertThat(EmailDeliveryTest.textOf(mail)).doesNotContain("statement of account is attached");
    }

    private static ReminderRequested withStatement(long pharmacy, String recipient, String language) {
        BigDecimal zero = new BigDecimal("0.00");
        return new ReminderRequested(
                UUID.randomUUID().toString(),
                pharmacy,
                77,
                "DRE" + pharmacy,
                ReminderChannel.EMAIL,
                recipient,
                "MISS FJ DREYER",
                new BigDecimal("12234.56"),
                Map.of("d60", new BigDecimal("1000.00"), "d90", new BigDecimal("234.56")),
                "writer",
                Instant.now(),
                language, // the reminder is written in the language its statement prints in, as debtor-service sends it
                new ReminderRequested.StatementOfAccount(
                        LocalDate.of(2026, 11, 30),
                        language,
                        recipient,
                        "082 123 4567",
                        new BigDecimal("120.00"),
                        zero,
                        new BigDecimal("1000.00"),
                        new BigDecimal("234.56"),
                        zero,
                        new BigDecimal("11000.00"),
                        zero,
                        new BigDecimal("12354.56")));
    }

    private static List<Part> attachments(MimeMessage mail) throws Exception {
        List<Part> found = new ArrayList<>();
        if (mail.getContent() instanceof Multipart multipart) {
            collect(multipart, found);
        }
        return found;
    }

    private static void collect(Multipart multipart, List<Part> found) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                collect(nested, found);
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                found.add(part);
            }
        }
    }
}
