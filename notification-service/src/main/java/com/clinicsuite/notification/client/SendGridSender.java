package com.clinicsuite.notification.client;

import com.clinicsuite.notification.config.NotificationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Sends e-mail through the pharmacy's own SendGrid account; the external id is SendGrid's X-Message-Id. */
@ApplicationScoped
public class SendGridSender {

    private final SendGridApi api;
    private final RetryPolicy retry;
    private final boolean sandbox;

    public SendGridSender(@RestClient SendGridApi api, RetryPolicy retry, NotificationConfig config) {
        this.api = api;
        this.retry = retry;
        this.sandbox = config.sendgrid().sandbox();
    }

    /** Sends the message, with {@code attachment} (base64, as v3 Mail Send takes files) when it is not null. */
    public Uni<String> send(OutgoingMessage message, Attachment attachment, ChannelSettings settings) {
        List<SendGridApi.Content> content = new ArrayList<>();
        content.add(new SendGridApi.Content("text/plain", message.text()));
        if (message.html() != null) {
            content.add(new SendGridApi.Content("text/html", message.html()));
        }
        SendGridApi.Mail mail = new SendGridApi.Mail(
                List.of(new SendGridApi.Personalization(List.of(new SendGridApi.Address(message.recipient(), null)))),
                new SendGridApi.Address(settings.fromEmail(), settings.fromName()),
                settings.replyTo() == null ? null : new SendGridApi.Address(settings.replyTo(), null),
                message.subject(),
                content,
                attachment == null
                        ? null
                        : List.of(new SendGridApi.Attachment(
                                Base64.getEncoder().encodeToString(attachment.content()),
                                attachment.contentType(),
                                attachment.fileName(),
                                "attachment")),
                // comes back on every event webhook call, so status reports find the delivery directly
                Map.of("reminder_id", message.reminderId()),
                new SendGridApi.MailSettings(new SendGridApi.SandboxMode(sandbox)));
        String authorization = "Bearer " + settings.sendgridApiKey();
        return retry.call(ChannelSettings.SENDGRID, () -> api.send(authorization, mail))
                .map(response -> {
                    try (response) {
                        String id = response.getHeaderString("X-Message-Id");
                        return id != null ? id : "";
                    }
                });
    }
}
