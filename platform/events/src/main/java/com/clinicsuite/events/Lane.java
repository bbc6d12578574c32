package com.clinicsuite.events;

/**
 * Which outbox lane an event type travels in. The outbox relay serves {@link #BUSINESS} events first in every round
 * and gives {@link #AUDIT} events the capacity left over, so a backlog of high-volume audit events (voucher searches)
 * never delays a business event by more than one relay round. Every event type of one topic is in the same lane:
 * order per key holds within a lane only. A new lane needs its partial index in the outbox's migrations
 * ({@code outbox_event_unsent_<lane>}), which the relay's query for that lane relies on.
 */
public enum Lane {
    /** Events other services act on (imports, reports, reminders, reference data). */
    BUSINESS,
    /** High-volume records for outside systems that nothing in the suite waits for. */
    AUDIT;

    /** The value stored in {@code outbox_event.lane}. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
