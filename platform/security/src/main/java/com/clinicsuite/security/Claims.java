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

    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_STAFF = "staff";
    public static final String ROLE_PHARMACY = "pharmacy";

    private Claims() {}
}
