package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.SmsOptOut;
import com.clinicsuite.debtor.repository.SmsOptOutRepository;
import com.clinicsuite.events.notifications.OptOutRecorded;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.vocabulary.SaPhoneNumber;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Numbers that opted out of a pharmacy's SMS (from notification-service), so SMS to them is refused early. */
@ApplicationScoped
public class SmsOptOuts {

    private final SmsOptOutRepository optOuts;

    public SmsOptOuts(SmsOptOutRepository optOuts) {
        this.optOuts = optOuts;
    }

    /** Runs in the caller's (Inbox) transaction. Opt-outs of other channels do not concern SMS reminders. */
    public Uni<Void> apply(OptOutRecorded event) {
        String digits = SaPhoneNumber.nationalDigitsOf(event.phoneDigits());
        if (digits == null || (event.channel() != null && event.channel() != ReminderChannel.SMS)) {
            return Uni.createFrom().voidItem();
        }
        return optOuts.find(event.pharmacyId(), digits).chain(existing -> {
            if (!event.optedOut()) {
                return existing == null ? Uni.createFrom().voidItem() : optOuts.delete(existing);
            }
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            SmsOptOut row = new SmsOptOut();
            row.pharmacyId = event.pharmacyId();
            row.phoneDigits = digits;
            row.recordedAt = event.recordedAt() != null
                    ? event.recordedAt().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.now(ZoneOffset.UTC);
            return optOuts.persist(row).replaceWithVoid();
        });
    }
}
