package com.clinicsuite.notification.rest;

import com.clinicsuite.notification.service.DeliveryReports;
import com.clinicsuite.notification.service.DeliveryReports.Report;
import com.clinicsuite.notification.service.OptOutService;
import com.clinicsuite.notification.service.WebhookGuard;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.StoredText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Providers' status callbacks. Not behind the suite's JWT (providers cannot get one): {@link WebhookGuard} checks
 * the signature or the shared token of the {@code X-Webhook-Token} header instead. A {@code token} query
 * parameter is read only to tell a caller still configured that way why it is refused. Answers 204 quickly; unknown references are ignored, since providers
 * retry anything that is not 2xx.
 */
@Path("/notifications/webhooks")
@Consumes(MediaType.WILDCARD)
public class WebhookResource {

    private static final Set<String> SMS_DELIVERED = Set.of("DELIVRD", "DELIVERED");
    private static final Set<String> SMS_FAILED =
            Set.of("UNDELIV", "UNDELIVERED", "EXPIRED", "REJECTD", "REJECTED", "FAILED", "DELETED", "BLOCKED");

    private final WebhookGuard guard;
    private final DeliveryReports reports;
    private final OptOutService optOuts;
    private final ObjectMapper json;

    public WebhookResource(WebhookGuard guard, DeliveryReports reports, OptOutService optOuts, ObjectMapper json) {
        this.guard = guard;
        this.reports = reports;
        this.optOuts = optOuts;
        this.json = json;
    }

    /** SendGrid Event Webhook: an array of events; delivered / bounce / dropped move a delivery on. */
    @POST
    @Path("/sendgrid")
    public Uni<Response> sendGrid(
            @HeaderParam(WebhookGuard.TOKEN_HEADER) String token,
            @QueryParam("token") String tokenInQuery,
            @HeaderParam("X-Twilio-Email-Event-Webhook-Signature") String signature,
            @HeaderParam("X-Twilio-Email-Event-Webhook-Timestamp") String timestamp,
            byte[] body) {
        guard.checkSendGrid(token, tokenInQuery != null, signature, timestamp, body);
        List<Report> found = new ArrayList<>();
        for (JsonNode event : items(body)) {
            DeliveryStatus status = switch (event.path("event").asText("")) {
                case "delivered" -> DeliveryStatus.DELIVERED;
                case "bounce", "dropped", "blocked" -> DeliveryStatus.FAILED;
                default -> null; // processed, deferred, open, click ...: no change of status
            };
            if (status == null) {
                continue;
            }
            String error = status == DeliveryStatus.FAILED
                    ? "SendGrid reported " + event.path("event").asText() + reason(event)
                    : null;
            String messageId = event.path("sg_message_id").asText("");
            String externalId = messageId.contains(".") ? messageId.substring(0, messageId.indexOf('.')) : messageId;
            found.add(new Report(text(event, "reminder_id"), externalId, status, error));
        }
        return reports.apply(found).replaceWith(Response.noContent().build());
    }

    /** SMSPortal delivery reports (Webhooks V2): one report or an array; UserReference is our reminder id. */
    @POST
    @Path("/smsportal")
    public Uni<Response> smsPortal(
            @HeaderParam(WebhookGuard.TOKEN_HEADER) String token,
            @QueryParam("token") String tokenInQuery,
            byte[] body) {
        guard.checkSmsPortal(token, tokenInQuery != null);
        List<Report> found = new ArrayList<>();
        for (JsonNode report : items(body)) {
            String raw = text(report, "Status");
            String code = raw == null
                    ? ""
                    : raw.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
            DeliveryStatus status = SMS_DELIVERED.contains(code)
                    ? DeliveryStatus.DELIVERED
                    : SMS_FAILED.contains(code) ? DeliveryStatus.FAILED : null;
            if (status != null) {
                found.add(new Report(
                        firstText(report, "UserReference", "CustomerId", "CustomerID"),
                        firstText(report, "EventId", "EventID"),
                        status,
                        status == DeliveryStatus.FAILED ? "SMSPortal reported " + raw : null));
            }
        }
        return reports.apply(found).replaceWith(Response.noContent().build());
    }

    /** SMSPortal replies (MOs): a STOP reply opts the number out of the pharmacy's SMS. */
    @POST
    @Path("/smsportal/replies")
    public Uni<Response> smsPortalReply(
            @HeaderParam(WebhookGuard.TOKEN_HEADER) String token,
            @QueryParam("token") String tokenInQuery,
            byte[] body) {
        guard.checkSmsPortal(token, tokenInQuery != null);
        List<JsonNode> replies = items(body);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JsonNode reply : replies) {
            chain = chain.chain(() -> optOuts.reply(
                            firstText(reply, "UserReference", "CustomerId", "CustomerID"),
                            firstText(reply, "Msisdn", "MSISDN", "Phonenumber"),
                            firstText(reply, "IncomingData", "Message", "Data"))
                    .replaceWithVoid());
        }
        return chain.replaceWith(Response.noContent().build());
    }

    private List<JsonNode> items(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !(root.isArray() || root.isObject())) {
                throw new BadRequestException("Expected a JSON object or array");
            }
            List<JsonNode> items = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(items::add);
            } else {
                items.add(root);
            }
            return items;
        } catch (IOException e) {
            throw new BadRequestException("The body is not JSON");
        }
    }

    private static String reason(JsonNode event) {
        String reason = text(event, "reason");
        return reason == null ? "" : ": " + StoredText.cut(reason, 300);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
