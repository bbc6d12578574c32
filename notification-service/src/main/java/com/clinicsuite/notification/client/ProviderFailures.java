package com.clinicsuite.notification.client;

import com.clinicsuite.vocabulary.StoredText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.mail.SMTPException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;

/** Turns whatever a provider call failed with into a {@link DeliveryException} that says whether to retry. */
public final class ProviderFailures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderFailures() {}

    public static DeliveryException classify(String provider, Throwable failure) {
        if (failure instanceof DeliveryException d) {
            return d;
        }
        if (failure instanceof WebApplicationException wae) {
            Response response = wae.getResponse();
            int status = response.getStatus();
            String detail = provider + " answered " + status + errorMessage(response);
            if (status == 429) {
                return new DeliveryException(detail, true, retryAfter(response));
            }
            if (status >= 500 || status == 408) {
                return new DeliveryException(detail, true, retryAfter(response));
            }
            return DeliveryException.permanent(detail);
        }
        if (failure instanceof SMTPException smtp) {
            String detail = "SMTP server answered " + smtp.getReplyCode();
            return smtp.isPermanent()
                    ? DeliveryException.permanent(detail)
                    : DeliveryException.transientFailure(detail);
        }
        if (failure instanceof TimeoutException
                || failure instanceof ProcessingException
                || failure instanceof IOException
                || failure instanceof io.vertx.core.VertxException
                || failure.getCause() instanceof IOException) {
            return DeliveryException.transientFailure(
                    provider + " unreachable: " + failure.getClass().getSimpleName());
        }
        return DeliveryException.transientFailure(
                provider + " call failed: " + failure.getClass().getSimpleName());
    }

    /** Retry-After in seconds or as an HTTP date; SendGrid also sends X-RateLimit-Reset (epoch seconds). */
    static Duration retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        try {
            if (value != null && !value.isBlank()) {
                if (value.strip().chars().allMatch(Character::isDigit)) {
                    return Duration.ofSeconds(Long.parseLong(value.strip()));
                }
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return positive(Duration.between(ZonedDateTime.now(), at));
            }
            String reset = response.getHeaderString("X-RateLimit-Reset");
            if (reset != null && reset.strip().chars().allMatch(Character::isDigit)) {
                return positive(Duration.ofSeconds(Long.parseLong(reset.strip()) - System.currentTimeMillis() / 1000));
            }
        } catch (RuntimeException ignored) {
            // an unreadable header falls back to our own backoff
        }
        return null;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The first {@code errors[].message} (SendGrid) or {@code message} of a JSON error body, if any. */
    private static String errorMessage(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            String body = response.readEntity(String.class);
            if (body == null || body.isBlank()) {
                return "";
            }
            JsonNode json = JSON.readTree(body);
            JsonNode message = json.path("errors").path(0).path("message");
            if (message.isMissingNode()) {
                message = json.path("message");
            }
            return message.isTextual() ? ": " + StoredText.cut(message.asText(), 300) : "";
        } catch (Exception e) {
            return "";
        }
    }
}
