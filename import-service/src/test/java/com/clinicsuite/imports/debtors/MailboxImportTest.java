package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.chunks;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.fixture;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.pharmacyExists;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.clinicsuite.imports.debtors.mailbox.MailboxPoller;
import com.clinicsuite.testkit.MailServer;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.activation.DataHandler;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class MailboxImportTest {

    /** Matches %test.import.mailbox.* in application.properties. */
    private static final String MAILBOX = "reports@clinicsuite.test";

    private static final long WINTERTON = 7101;

    @Inject
    MailboxPoller poller;

    @Test
    void reportsFromTheMailboxAreImportedOnceAndFailuresAreListed() throws Exception {
        pharmacyExists(WINTERTON);
        GreenMailUser user = MailServer.get().greenMail().setUser(MAILBOX, MAILBOX, "reports-secret");
        user.deliver(message(
                "reports@winterton.example",
                "<r1@winterton.example>",
                "split_page_break.pdf",
                fixture("deb013/split_page_break.pdf")));
        user.deliver(message(
                "someone@unknown.example", "<r2@unknown.example>", "tlc.pdf", fixture("deb013/winterton_small.pdf")));

        assertEquals(1, poller.poll());
        List<JsonNode> chunks = chunks(WINTERTON, 1, Duration.ofSeconds(20));
        assertEquals(1, chunks.size());
        assertEquals("mailbox", chunks.get(0).get("source").asText());
        assertEquals("split_page_break.pdf", chunks.get(0).get("filename").asText());
        assertEquals(70, chunks.get(0).get("account_count").asInt());
        assertEquals(true, chunks.get(0).get("uploaded_by").isNull());

        // handled messages left the inbox: a second poll imports nothing
        assertEquals(0, poller.poll());
        assertEquals(0, countInbox(), "messages left in the inbox");
        assertEquals(1, chunks(WINTERTON, 2, Duration.ofSeconds(3)).size());

        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/imports/mailbox/failures")
                .then()
                .statusCode(200)
                .body("sender", hasItem("someone@unknown.example"))
                .body("filename", hasItem("tlc.pdf"));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(WINTERTON))
                .when()
                .get("/imports/mailbox/failures")
                .then()
                .statusCode(403);
    }

    private static int countInbox() throws Exception {
        Properties properties = new Properties();
        jakarta.mail.Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", MailServer.get().imapPort(), MAILBOX, "reports-secret");
        try (store) {
            jakarta.mail.Folder inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            try {
                return inbox.getMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    private static MimeMessage message(String from, String messageId, String filename, byte[] pdf) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        // the receiving server (%test.import.mailbox.authserv-id) vouches for the sender's domain
        message.addHeader(
                "Authentication-Results",
                "mx.clinicsuite.test; dkim=pass header.d=" + from.substring(from.indexOf('@') + 1));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject("Debtors age analysis");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Report attached.");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(filename);
        MimeMultipart multipart = new MimeMultipart(text, attachment);
        message.setContent(multipart);
        message.saveChanges();
        return message;
    }
}
