package com.clinicsuite.auth.service;

/** Who makes an admin change, for the audit trail. {@code userId} is null for the service itself. */
public record Actor(Long userId, String username) {

    public static final Actor SYSTEM = new Actor(null, "system");
}
