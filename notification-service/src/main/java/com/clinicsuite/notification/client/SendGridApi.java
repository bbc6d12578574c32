package com.clinicsuite.notification.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** SendGrid v3 Mail Send. Base URL {@code quarkus.rest-client.sendgrid.url} (https://api.sendgrid.com). */
@RegisterRestClient(configKey = "sendgrid")
@Path("/v3")
public interface SendGridApi {

    /** 202 (200 in sandbox mode) with the message id in {@code X-Message-Id}; 4xx/5xx raise WebApplicationException. */
    @POST
    @Path("/mail/send")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> send(@HeaderParam("Authorization") String authorization, Mail mail);

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Mail(
            List<Personalization> personalizations,
            Address from,
            Address replyTo,
            String subject,
            List<Content> content,
            List<Attachment> attachments,
            Map<String, String> customArgs,
            MailSettings mailSettings) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Personalization(List<Address> to) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Address(String email, String name) {}

    record Content(String type, String value) {}

    /** A file: {@code content} is the base64 of its bytes; {@code disposition} {@code attachment}. */
    record Attachment(String content, String type, String filename, String disposition) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MailSettings(SandboxMode sandboxMode) {}

    record SandboxMode(boolean enable) {}
}
