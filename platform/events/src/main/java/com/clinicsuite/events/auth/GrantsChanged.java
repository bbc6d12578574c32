package com.clinicsuite.events.auth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** A user's per-pharmacy grants changed; carries the complete new set of grants. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GrantsChanged(long userId, String username, List<Grant> grants, Instant changedAt) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Grant(long pharmacyId, boolean canRead, boolean canWrite) {}
}
