package com.clinicsuite.events.auth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * What a user may do changed (grants, roles, center), their password was reset or they were deactivated: every
 * service refuses the user's tokens that state an older access, i.e. whose {@code access_version} claim (epoch
 * milliseconds) is before {@code notBefore}, or, for a token without that claim, whose {@code iat} is.
 *
 * @param notBefore the instant of the change, millisecond precision; the same value auth-service writes into the
 *                  {@code access_version} claim of every token it issues afterwards
 * @param reasons   what changed: {@link #GRANTS}, {@link #ROLES}, {@link #CENTER}, {@link #PASSWORD_RESET},
 *                  {@link #DEACTIVATED}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserAccessChanged(long userId, Instant notBefore, List<String> reasons) {

    public static final String GRANTS = "grants";
    public static final String ROLES = "roles";
    public static final String CENTER = "center";
    public static final String PASSWORD_RESET = "password_reset";
    public static final String DEACTIVATED = "deactivated";
}
