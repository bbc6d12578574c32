package com.clinicsuite.events.auth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A pharmacy was created, renamed or (de)activated in auth-service. Carries the full current state. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PharmacyUpserted(long pharmacyId, String name, String code, boolean active) {}
