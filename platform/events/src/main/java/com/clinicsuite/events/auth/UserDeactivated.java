package com.clinicsuite.events.auth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A user was deactivated: services reject tokens of this user issued before {@code deactivatedAt}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserDeactivated(long userId, String username, Instant deactivatedAt) {}
