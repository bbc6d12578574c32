package com.clinicsuite.notification.client;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends e-mail through the service's own mail server (quarkus.mailer.*). We set the Message-ID ourselves, from the
 * reminder id, so it can be the external id and a receiving server can spot an accidental repeat.
 */
@ApplicationScoped
public class SmtpSender {

    private final ReactiveMailer mailer;
    private final RetryPolicy retry;

    public SmtpSender(ReactiveMailer mailer, RetryPolicy retry) {
        this.mailer = mailer;
        this.retry = retry;
    }

    /** Sends the message, with {@code attachment} when it is not null. */
    public Uni<String> send(OutgoingMessage message, Attachment attachment, ChannelSettings settings) {
        String messageId = "<" + message.reminderId().replaceAll("[^A-Za-z0-9._-]", "_") + "@notification.clinicsuite>";
        Mail mail = Mail.withText(message.recipient(), message.subject(), message.text())
                .setFrom(
                        settings.fromName() == null
                                ? settings.fromEmail()
                                : "\"" + settings.fromName().replace("\"", "") + "\" <" + settings.fromEmail() + ">")
                .addHeader("Message-ID", messageId);
        if (message.html() != null) {
            mail.setHtml(message.html());
        }
        if (settings.replyTo() != null) {
            mail.setReplyTo(settings.replyTo());
        }
        if (attachment != null) {
            mail.addAttachment(attachment.fileName(), attachment.content(), attachment.contentType());
        }
        return retry.call(ChannelSettings.SMTP, () -> mailer.send(mail)).replaceWith(messageId);
    }
}
