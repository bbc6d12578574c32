package com.clinicsuite.notification.client;

import com.clinicsuite.notification.config.NotificationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends SMS through the pharmacy's SMSPortal account, up to 100 per BulkMessages request. Tokens are cached per
 * client id until shortly before they expire. Every message's customerId is its reminder id: faults, delivery
 * reports and replies name it.
 */
@ApplicationScoped
public class SmsPortalSender {

    public static final int MAX_BATCH = 100;

    private final SmsPortalApi api;
    private final RetryPolicy retry;
    private final NotificationConfig.SmsPortal config;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    /** The outcome for one message: accepted (external id = SMSPortal's event id) or refused with a reason. */
    public record Result(OutgoingMessage message, String externalId, String error) {
        public boolean accepted() {
            return error == null;
        }
    }

    private record CachedToken(String token, Instant renewAfter) {
        @Override
        public String toString() {
            return "CachedToken[renewAfter=" + renewAfter + "]";
        }
    }

    public SmsPortalSender(@RestClient SmsPortalApi api, RetryPolicy retry, NotificationConfig config) {
        this.api = api;
        this.retry = retry;
        this.config = config.smsportal();
    }

    /** Sends one batch (at most {@value #MAX_BATCH}); fails as a whole only when SMSPortal refused the request. */
    public Uni<List<Result>> send(List<OutgoingMessage> batch, ChannelSettings settings) {
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("SMSPortal takes at most " + MAX_BATCH + " messages a request");
        }
        List<SmsPortalApi.Message> messages = batch.stream()
                .map(m -> new SmsPortalApi.Message(m.text(), m.recipient(), m.reminderId()))
                .toList();
        SmsPortalApi.BulkRequest request = new SmsPortalApi.BulkRequest(
                new SmsPortalApi.SendOptions(
                        settings.smsSenderId(),
                        config.campaignName(),
                        "pharmacy-" + settings.pharmacyId(),
                        true,
                        config.testMode()),
                messages);
        return retry.call(
                        ChannelSettings.SMSPORTAL,
                        () -> token(settings)
                                .chain(token -> api.send("Bearer " + token, request))
                                .onFailure(e -> e instanceof jakarta.ws.rs.WebApplicationException w
                                        && w.getResponse().getStatus() == 401)
                                .invoke(() -> tokens.remove(settings.smsportalClientId())))
                .map(result -> results(batch, result));
    }

    private static List<Result> results(List<OutgoingMessage> batch, SmsPortalApi.BulkResult result) {
        Map<String, String> faults = new HashMap<>();
        if (result.errorReport() != null && result.errorReport().faults() != null) {
            for (SmsPortalApi.Fault fault : result.errorReport().faults()) {
                String reason = "SMSPortal refused the message: "
                        + (fault.errorMessage() != null ? fault.errorMessage() : fault.status());
                if (fault.customerId() != null) {
                    faults.put(fault.customerId(), reason);
                } else if (fault.rawDestination() != null) {
                    faults.put("destination:" + fault.rawDestination(), reason);
                }
            }
        }
        String eventId = result.eventId() == null ? null : result.eventId().toString();
        List<Result> out = new ArrayList<>(batch.size());
        for (OutgoingMessage m : batch) {
            String error = faults.getOrDefault(m.reminderId(), faults.get("destination:" + m.recipient()));
            out.add(new Result(m, error == null ? eventId : null, error));
        }
        return out;
    }

    private Uni<String> token(ChannelSettings settings) {
        CachedToken cached = tokens.get(settings.smsportalClientId());
        if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return Uni.createFrom().item(cached.token());
        }
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((settings.smsportalClientId() + ":" + settings.smsportalApiSecret())
                                .getBytes(StandardCharsets.UTF_8));
        return api.authenticate(basic).map(token -> {
            int minutes = token.expiresInMinutes() == null ? 60 : token.expiresInMinutes();
            Instant renewAfter = Instant.now().plus(Duration.ofMinutes(minutes)).minus(config.tokenRefreshMargin());
            tokens.put(settings.smsportalClientId(), new CachedToken(token.token(), renewAfter));
            return token.token();
        });
    }
}
