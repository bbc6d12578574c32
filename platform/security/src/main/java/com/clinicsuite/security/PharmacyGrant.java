package com.clinicsuite.security;

/** What a user may do on one pharmacy, as carried in the {@code pharmacies} claim. */
public record PharmacyGrant(long pharmacyId, boolean canRead, boolean canWrite) {

    /** The claim value: {@code "rw"}, {@code "r"}, or {@code ""} for no access. */
    public String claimValue() {
        return canWrite ? "rw" : canRead ? "r" : "";
    }

    public static PharmacyGrant fromClaim(long pharmacyId, String value) {
        String v = value == null ? "" : value.trim().toLowerCase();
        boolean write = v.contains("w");
        return new PharmacyGrant(pharmacyId, write || v.contains("r"), write);
    }
}
