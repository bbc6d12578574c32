package com.clinicsuite.outbox.ops;

import jakarta.ws.rs.BadRequestException;

/** {@code skip} and {@code limit} of the operations lists, checked (400 with a reason, never 404 or 500). */
record Paging(int skip, int limit) {

    static final int MAX_LIMIT = 1000;

    static Paging of(String skip, String limit) {
        int s = number("skip", skip, 0);
        int l = number("limit", limit, 100);
        if (s < 0) {
            throw new BadRequestException("skip must be 0 or more");
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        return new Paging(s, l);
    }

    private static int number(String name, String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number");
        }
    }
}
