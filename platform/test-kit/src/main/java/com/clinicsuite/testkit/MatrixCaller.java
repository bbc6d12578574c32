package com.clinicsuite.testkit;

/**
 * The callers the authorization matrix sends to every endpoint. "The pharmacy" is the one the request's path names
 * ({@link AuthorizationMatrixContract#pharmacyId()}), "the record's center" the center of the record it names
 * ({@link AuthorizationMatrixContract#RECORD_CENTER}).
 */
public enum MatrixCaller {
    /** No Authorization header. */
    NO_TOKEN(false),
    /** An admin's claims, expired an hour ago. */
    EXPIRED_TOKEN(false),
    /** An admin's claims, signed by a key the service does not trust. */
    BAD_SIGNATURE(false),
    /** A pharmacy user with read and write on another pharmacy. */
    OTHER_PHARMACY_USER(true),
    /** A pharmacy user with read only on the pharmacy. */
    PHARMACY_READER(true),
    /** A pharmacy user with read and write on the pharmacy. */
    PHARMACY_WRITER(true),
    /** Clinic staff of another center than the record's. */
    OTHER_CENTER_STAFF(true),
    /** Clinic staff of the record's center. */
    OWN_CENTER_STAFF(true),
    /** A valid token without any role, center or grant. */
    NO_ROLE_USER(true),
    ADMIN(true);

    private final boolean validToken;

    MatrixCaller(boolean validToken) {
        this.validToken = validToken;
    }

    /** Whether the caller sends a token the service accepts (signed by a trusted key, not expired). */
    public boolean hasValidToken() {
        return validToken;
    }
}
