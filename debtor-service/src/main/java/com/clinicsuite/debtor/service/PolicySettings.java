package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.ReminderPolicy;
import com.clinicsuite.vocabulary.Coded;
import com.clinicsuite.vocabulary.ReminderChannel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A pharmacy's reminder policy as the rules read it. {@code zone} is the pharmacy's time zone (the contract names it
 * in {@code quiet_hours.zone}): quiet hours, the cron schedule and the daily maximum's day are read in it.
 *
 * @param quietHours null when there are none
 */
public record PolicySettings(
        boolean enabled,
        String trigger,
        String schedule,
        BigDecimal minOverdue,
        List<AgeingBucket> ageingBuckets,
        List<ReminderChannel> channels,
        int cooldownDays,
        QuietHours quietHours,
        ZoneId zone,
        int maxPerDay,
        boolean attachStatement) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Africa/Johannesburg");

    /** What a pharmacy without a saved policy has: disabled, manual, the contract's example values. */
    public static PolicySettings defaults() {
        return new PolicySettings(
                false,
                ReminderPolicy.MANUAL,
                null,
                new BigDecimal("100.00"),
                AgeingBucket.ARREARS,
                List.of(ReminderChannel.EMAIL, ReminderChannel.SMS),
                14,
                new QuietHours(LocalTime.of(18, 0), LocalTime.of(8, 0)),
                DEFAULT_ZONE,
                500,
                false);
    }

    public static PolicySettings of(ReminderPolicy p) {
        if (p == null) {
            return defaults();
        }
        return new PolicySettings(
                p.enabled,
                p.trigger,
                p.schedule,
                p.minOverdue,
                Arrays.stream(p.ageingBuckets.split(","))
                        .map(k -> AgeingBucket.fromKey(k).orElseThrow())
                        .toList(),
                Arrays.stream(p.channels.split(","))
                        .map(k -> Coded.find(ReminderChannel.class, k.trim()).orElseThrow())
                        .toList(),
                p.cooldownDays,
                p.quietFrom == null ? null : new QuietHours(LocalTime.parse(p.quietFrom), LocalTime.parse(p.quietTo)),
                ZoneId.of(p.zone),
                p.maxPerDay,
                p.attachStatement);
    }

    /** Writes these settings into the pharmacy's policy row; a changed trigger or schedule starts a new schedule. */
    public void applyTo(ReminderPolicy p, OffsetDateTime now) {
        boolean scheduleChanged = p.scheduleSince == null
                || !trigger.equals(p.trigger)
                || !Objects.equals(schedule, p.schedule)
                || !zone.getId().equals(p.zone)
                || !p.enabled && enabled;
        p.enabled = enabled;
        p.trigger = trigger;
        p.schedule = schedule;
        p.minOverdue = minOverdue;
        p.ageingBuckets = ageingBuckets.stream().map(AgeingBucket::key).collect(Collectors.joining(","));
        p.channels = channels.stream().map(ReminderChannel::code).collect(Collectors.joining(","));
        p.cooldownDays = cooldownDays;
        p.quietFrom = quietHours == null ? null : quietHours.from().toString();
        p.quietTo = quietHours == null ? null : quietHours.to().toString();
        p.zone = zone.getId();
        p.maxPerDay = maxPerDay;
        p.attachStatement = attachStatement;
        if (scheduleChanged) {
            p.scheduleSince = now;
        }
        p.updatedAt = now;
    }

    /** The first moment a run asked for at {@code now} may send: now, or the end of quiet hours. */
    public Instant firstAllowed(Instant now) {
        return quietHours == null ? now : quietHours.firstAllowed(now, zone);
    }
}
