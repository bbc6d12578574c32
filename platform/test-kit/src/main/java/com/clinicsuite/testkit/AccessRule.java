package com.clinicsuite.testkit;

import static com.clinicsuite.testkit.MatrixCaller.ADMIN;
import static com.clinicsuite.testkit.MatrixCaller.OTHER_CENTER_STAFF;
import static com.clinicsuite.testkit.MatrixCaller.OWN_CENTER_STAFF;
import static com.clinicsuite.testkit.MatrixCaller.PHARMACY_READER;
import static com.clinicsuite.testkit.MatrixCaller.PHARMACY_WRITER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The access column of deploy/gateway/endpoints.tsv: who may call an endpoint, and what every other caller gets.
 * The file's header and docs/security.md ("Authorization matrix") describe the same words.
 */
public enum AccessRule {
    /** No token needed; any token, even an invalid one, is ignored. */
    PUBLIC("public", EnumSet.allOf(MatrixCaller.class)),
    /** A provider's callback: its own token or signature decides, never a JWT (callers send the provider's). */
    WEBHOOK("webhook", EnumSet.allOf(MatrixCaller.class)),
    /** Any valid token, whatever its roles. */
    AUTHENTICATED("authenticated", validTokens()),
    ADMIN_ONLY("admin", EnumSet.of(ADMIN)),
    /** Admin, or staff with a center (the answer covers that center only). */
    STAFF_WITH_CENTER("staff-with-center", EnumSet.of(ADMIN, OWN_CENTER_STAFF, OTHER_CENTER_STAFF)),
    /** Admin, or staff of the record's center; 403 for staff of another center. */
    STAFF_OWN_CENTER("staff-own-center", EnumSet.of(ADMIN, OWN_CENTER_STAFF)),
    /** As {@link #STAFF_OWN_CENTER}, but another center's record answers 404, like one that does not exist. */
    STAFF_OWN_CENTER_HIDDEN("staff-own-center-hidden", EnumSet.of(ADMIN, OWN_CENTER_STAFF)),
    /** Admin, or a read grant on the path's pharmacy. */
    PHARMACY_READ("pharmacy-read", EnumSet.of(ADMIN, PHARMACY_READER, PHARMACY_WRITER)),
    /** Admin, or a write grant on the path's pharmacy (read-only: 403). */
    PHARMACY_WRITE("pharmacy-write", EnumSet.of(ADMIN, PHARMACY_WRITER));

    /** What a caller must get. */
    public enum Expected {
        /** Past authorization: any answer but 401, 403 and 5xx (the endpoint's own 2xx, 400, 404, 422...). */
        AUTHORIZED,
        /** 401: no valid token. */
        UNAUTHENTICATED,
        /** 403: a valid token that the rule refuses. */
        FORBIDDEN,
        /** 404: refused without revealing that the record exists. */
        HIDDEN
    }

    private final String word;
    private final Set<MatrixCaller> allowed;

    AccessRule(String word, Set<MatrixCaller> allowed) {
        this.word = word;
        this.allowed = allowed;
    }

    /** As written in endpoints.tsv. */
    public String word() {
        return word;
    }

    public Expected expectedFor(MatrixCaller caller) {
        if (allowed.contains(caller)) {
            return Expected.AUTHORIZED;
        }
        if (!caller.hasValidToken()) {
            return Expected.UNAUTHENTICATED;
        }
        return this == STAFF_OWN_CENTER_HIDDEN && caller == OTHER_CENTER_STAFF ? Expected.HIDDEN : Expected.FORBIDDEN;
    }

    public static Optional<AccessRule> of(String word) {
        return Arrays.stream(values()).filter(r -> r.word.equals(word)).findFirst();
    }

    /** The words of the vocabulary, for error messages. */
    public static String words() {
        return Arrays.stream(values()).map(AccessRule::word).collect(Collectors.joining(", "));
    }

    private static Set<MatrixCaller> validTokens() {
        EnumSet<MatrixCaller> callers = EnumSet.noneOf(MatrixCaller.class);
        for (MatrixCaller caller : MatrixCaller.values()) {
            if (caller.hasValidToken()) {
                callers.add(caller);
            }
        }
        return callers;
    }
}
