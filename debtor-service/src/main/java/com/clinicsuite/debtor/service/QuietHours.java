package com.clinicsuite.debtor.service;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours of the day (in a zone) in which no reminder is sent: {@code from} inclusive to {@code to} exclusive, across
 * midnight when {@code from} is later than {@code to} (18:00 to 08:00). Equal times mean no quiet hours.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public boolean contains(LocalTime time) {
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }

    /** {@code now} itself outside quiet hours, else the moment they end. */
    public Instant firstAllowed(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return now;
        }
        ZonedDateTime end = local.with(to);
        if (!end.isAfter(local)) {
            end = local.plusDays(1).with(to);
        }
        return end.toInstant();
    }
}
