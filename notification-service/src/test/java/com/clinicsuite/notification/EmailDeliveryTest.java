package com.clinicsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.events.Topics;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.MailServer;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reminders by e-mail through the real SMTP server (GreenMail), exactly once. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class EmailDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** platform-outbox's relay starts a minute after boot ({@code @Scheduled(delay = 1)} is in minutes). */
    static final Duration RELAY_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aReminderIsMailedWithAmountAndPaymentReferenceAndItsStatusesPublished() throws Exception {
        long pharmacy = TestData.newPharmacyId();
        TestData.configure(pharmacy, TestData.smtpSettings());
        String recipient = "thandi." + pharmacy + "@debtors.example";
        ReminderRequested reminder = TestData.reminder(pharmacy, "email", recipient);

        try (TopicReader statuses = new TopicReader(Topics.NOTIFICATIONS_DELIVERY_STATUS)) {
            TestData.publish(reminder);

            List<MimeMessage> mails = awaitMails(recipient, 1);
            MimeMessage mail = mails.get(0);
            assertThat(mail.getSubject())
                    .isEqualTo("Account ACC" + pharmacy + ": R 1 234.56 outstanding at Winterton Pharmacy");
            String text = textOf(mail);
            assertThat(text)
                    .contains("Dear Thandi Nkosi")
                    .contains("R 1 234.56")
                    .contains("60 days: R 1 000.00")
                    .contains("90 days: R 234.56")
                    .contains("Reference: ACC" + pharmacy)
                    .contains("FNB 62000000000 branch 250655");
            assertThat(mail.getFrom()[0].toString()).contains("accounts@winterton.example");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "sent"
                            .equals(TestData.delivery(reminder.reminderId()).status()));
            TestData.Row row = TestData.delivery(reminder.reminderId());
            assertThat(row.provider()).isEqualTo("smtp");
            assertThat(row.externalId()).isEqualTo(mail.getMessageID());

            List<TopicReader.Record> events =
                    statuses.await(2, r -> r.value().contains(reminder.reminderId()), RELAY_TIMEOUT);
            assertThat(events)
                    .extracting(r -> JSON.readTree(r.value()).get("status").asText())
                    .containsExactly("queued", "sent");
            JsonNode sent = JSON.readTree(events.get(1).value());
            assertThat(events.get(1).key()).isEqualTo(Long.toString(pharmacy));
            assertThat(events.get(1).ceType()).isEqualTo("notifications.delivery-status-changed.v1");
            assertThat(sent.get("external_id").asText()).isEqualTo(mail.getMessageID());
            assertThat(sent.get("subject").asText()).contains("R 1 234.56");
            assertThat(sent.get("acc_no").asText()).isEqualTo("ACC" + pharmacy);
        }
    }

    @Test
    void theSameEventTwiceAndTheSameReminderInTwoEventsSendOneMail() {
        long pharmacy = TestData.newPharmacyId();
        TestData.configure(pharmacy, TestData.smtpSettings());
        String recipient = "repeat." + pharmacy + "@debtors.example";
        ReminderRequested reminder = TestData.reminder(pharmacy, "email", recipient);

        String eventId = UUID.randomUUID().toString();
        TestData.publish(reminder, eventId);
        TestData.publish(reminder, eventId); // a redelivery of the same event
        TestData.publish(reminder); // debtor-service asking again for the same reminder id
        ReminderRequested marker = TestData.reminder(pharmacy, "email", "marker." + pharmacy + "@debtors.example");
        TestData.publish(marker); // same partition, after the repeats: once it is sent, they were handled

        awaitMails("marker." + pharmacy + "@debtors.example", 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        "sent".equals(TestData.delivery(marker.reminderId()).status()));
        assertThat(mailsTo(recipient)).hasSize(1);
        assertThat(TestData.deliveriesOf(pharmacy)).hasSize(2);
    }

    @Test
    void deliveriesARestartLeftQueuedAreSentOnceAndInterruptedOnesAreNotResent() {
        long pharmacy = TestData.newPharmacyId();
        TestData.configure(pharmacy, TestData.smtpSettings());
        // as a crash would leave them: accepted (queued) but never handed to the mail server
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String reminderId = UUID.randomUUID().toString();
            queued.add(reminderId);
            TestData.execute(
                    "insert into delivery (reminder_id, pharmacy_id, debtor_id, acc_no, channel, provider, recipient,"
                            + " status, subject, body_text, attempts, created_at, updated_at) values (?, ?, 1, 'ACC1', 'email', 'smtp', ?,"
                            + " 'queued', 'Left behind', 'Pay please', 0, now(), now())",
                    reminderId,
                    pharmacy,
                    "queued" + i + "." + pharmacy + "@debtors.example");
        }
        // claimed by a sender that then died: the provider may have it, so it must never go out again
        String interrupted = UUID.randomUUID().toString();
        TestData.execute(
                "insert into delivery (reminder_id, pharmacy_id, debtor_id, acc_no, channel, provider, recipient,"
                        + " status, subject, body_text, attempts, created_at, updated_at) values (?, ?, 1, 'ACC2', 'email', 'smtp', ?,"
                        + " 'sending', 'Half sent', 'Pay please', 1, now() - interval '1 hour', now() - interval '1 hour')",
                interrupted,
                pharmacy,
                "interrupted." + pharmacy + "@debtors.example");

        for (int i = 0; i < 3; i++) {
            awaitMails("queued" + i + "." + pharmacy + "@debtors.example", 1);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> queued.stream()
                        .allMatch(id -> "sent".equals(TestData.delivery(id).status())));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "failed".equals(TestData.delivery(interrupted).status()));
        assertThat(TestData.delivery(interrupted).error()).contains("never gets it twice");
        for (int i = 0; i < 3; i++) {
            assertThat(mailsTo("queued" + i + "." + pharmacy + "@debtors.example"))
                    .hasSize(1);
            assertThat(TestData.delivery(queued.get(i)).attempts()).isEqualTo(1);
        }
        assertThat(mailsTo("interrupted." + pharmacy + "@debtors.example")).isEmpty();
    }

    @Test
    void aReminderForAPharmacyWithoutAnEmailChannelFailsAtOnce() {
        long pharmacy = TestData.newPharmacyId();
        ReminderRequested reminder = TestData.reminder(pharmacy, "email", "nochannel." + pharmacy + "@debtors.example");
        TestData.publish(reminder);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestData.delivery(reminder.reminderId()) != null);
        TestData.Row row = TestData.delivery(reminder.reminderId());
        assertThat(row.status()).isEqualTo("failed");
        assertThat(row.error()).contains("No e-mail channel");
    }

    @Test
    void anUnreadableEventIsDeadLetteredForThisConsumer() {
        String key = "dlq-" + UUID.randomUUID();
        TestData.publishRaw("{not json", key);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestData.scalar(
                                "select error from inbox_dead_letter where consumer = 'notification-service'"
                                        + " and record_key = ? and topic = ? and payload = '{not json'",
                                key,
                                Topics.DEBTORS_REMINDERS)
                        != null);
        assertThat(TestData.scalar("select error from inbox_dead_letter where record_key = ?", key))
                .contains("PoisonMessageException");
    }

    static List<MimeMessage> awaitMails(String recipient, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(recipient).size() >= count);
        return mailsTo(recipient);
    }

    static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(MailServer.get().greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        Address[] to = m.getAllRecipients();
                        return to != null
                                && Arrays.stream(to).anyMatch(a -> a.toString().contains(recipient));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    static String textOf(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof String s) {
            return s;
        }
        StringBuilder text = new StringBuilder();
        collect((Multipart) content, text);
        return text.toString();
    }

    private static void collect(Multipart multipart, StringBuilder text) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                collect(nested, text);
            } else if (part.isMimeType("text/plain")) {
                text.append(part.getContent());
            }
        }
    }
}
