package com.clinicsuite.notification.service;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.notifications.OptOutRecorded;
import com.clinicsuite.notification.repository.DeliveryRepository;
import com.clinicsuite.notification.repository.SmsOptOut;
import com.clinicsuite.notification.repository.SmsOptOutRepository;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.vocabulary.SaPhoneNumber;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** Numbers that asked a pharmacy for no more SMS: recorded by reply (STOP) or through the API, and announced. */
@ApplicationScoped
public class OptOutService {

    private static final Logger LOG = Logger.getLogger(OptOutService.class);
    private static final Set<String> STOP_WORDS =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "OPTOUT", "CANCEL", "END", "QUIT");

    public static final String SOURCE_REPLY = "reply";
    public static final String SOURCE_MANUAL = "manual";

    private final SmsOptOutRepository optOuts;
    private final DeliveryRepository deliveries;
    private final Outbox outbox;

    public OptOutService(SmsOptOutRepository optOuts, DeliveryRepository deliveries, Outbox outbox) {
        this.optOuts = optOuts;
        this.deliveries = deliveries;
        this.outbox = outbox;
    }

    /** Records the opt-out (again: no change, no event); returns when it was first recorded. */
    @WithTransaction
    public Uni<SmsOptOut> optOut(long pharmacyId, String phoneDigits, String source) {
        return optOuts.find(pharmacyId, phoneDigits).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            SmsOptOut o = new SmsOptOut();
            o.pharmacyId = pharmacyId;
            o.phoneDigits = phoneDigits;
            o.source = source;
            o.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
            LOG.infof("Pharmacy %d: a number opted out of SMS (%s)", pharmacyId, source);
            return optOuts.persist(o).call(() -> announce(pharmacyId, phoneDigits, true));
        });
    }

    /** Lets the number receive SMS again; false when it was not opted out. */
    @WithTransaction
    public Uni<Boolean> optIn(long pharmacyId, String phoneDigits) {
        return optOuts.find(pharmacyId, phoneDigits)
                .chain(existing -> existing == null
                        ? Uni.createFrom().item(false)
                        : optOuts.delete(existing)
                                .chain(() -> announce(pharmacyId, phoneDigits, false))
                                .replaceWith(true));
    }

    /**
     * An SMS reply: when its first word is a stop word, opts the sender out of the pharmacy that sent the reminder
     * it answers (by its reference, else the latest SMS to that number). Returns whether it was an opt-out.
     */
    @WithTransaction
    public Uni<Boolean> reply(String reminderId, String msisdn, String text) {
        if (text == null || !STOP_WORDS.contains(text.strip().split("\\s+")[0].toUpperCase(Locale.ROOT))) {
            return Uni.createFrom().item(false);
        }
        Optional<SaPhoneNumber> number = SaPhoneNumber.parse(msisdn);
        if (number.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return pharmacyOf(reminderId, number.get().internationalDigits())
                .chain(pharmacyId -> pharmacyId == null
                        ? Uni.createFrom().item(false)
                        : optOut(pharmacyId, number.get().nationalDigits(), SOURCE_REPLY)
                                .replaceWith(true));
    }

    private Uni<Long> pharmacyOf(String reminderId, String destination) {
        Uni<com.clinicsuite.notification.repository.Delivery> byReference = reminderId == null || reminderId.isBlank()
                ? Uni.createFrom().nullItem()
                : deliveries.findByReminderId(reminderId);
        return byReference
                .chain(d -> d != null ? Uni.createFrom().item(d) : deliveries.latestSmsTo(destination))
                .map(d -> d == null ? null : d.pharmacyId);
    }

    private Uni<Void> announce(long pharmacyId, String phoneDigits, boolean optedOut) {
        return outbox.publish(
                        EventCatalog.OPT_OUT_RECORDED,
                        Long.toString(pharmacyId),
                        new OptOutRecorded(pharmacyId, ReminderChannel.SMS, phoneDigits, optedOut, Instant.now()))
                .replaceWithVoid();
    }
}
