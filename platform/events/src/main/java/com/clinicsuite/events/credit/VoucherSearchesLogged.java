package com.clinicsuite.events.credit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * The voucher searches of one API-log batch: the audit trail the clinic keeps of who looked up which voucher. One
 * event per batch (split when a batch holds more searches than one event may carry) rather than one per search, so
 * thousands of searches a second never queue ahead of business events in the outbox.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VoucherSearchesLogged(List<Search> searches) {

    /** One search: who, which voucher (as searched, normalised), how many records the caller could see, when. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Search(String userName, String voucherNumber, int matches, Instant searchedAt) {}
}
