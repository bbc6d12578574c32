package com.clinicsuite.auth.service;

/** One user's access to one pharmacy, as the admin API answers it. */
public record GrantView(long userId, long pharmacyId, String pharmacyName, boolean canRead, boolean canWrite) {}
