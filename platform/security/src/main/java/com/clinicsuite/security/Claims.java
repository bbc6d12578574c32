package com.clinicsuite.security;

/** Names of the JWT claims the suite relies on. The format is fixed in docs/security.md. */
public final class Claims {
    /** MicroProfile JWT roles: {@code admin}, {@code staff}, {@code pharmacy}. */
    public static final String GROUPS = "groups";
    /** The user's login name (also {@code upn}, which MicroProfile JWT uses as the principal name). */
    public static final String USERNAME = "preferred_username";
    /** Canonical clinic center of a staff user ({@code GK2}, {@code Punjabi Bagh}, ...); absent otherwise. */
    public static final String CENTER = "center";
    /** Per-pharmacy grants: an object from pharmacy id (as a string) to {@code "r"} or {@code "rw"}. */
    public static final String PHARMACIES = "pharmacies";
    /**
     * The epoch milliseconds of the last change of the user's access (grants, roles, center, password, activation)
     * that the token states; tokens older than the user's latest change are refused ({@link AccessRevocations}).
     */
    public static final String ACCESS_VERSION = "access_version";

    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_STAFF = "staff";
    public static final String ROLE_PHARMACY = "pharmacy";

    private Claims() {}
}
