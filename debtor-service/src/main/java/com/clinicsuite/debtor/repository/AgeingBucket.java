package com.clinicsuite.debtor.repository;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The ageing columns of a debtor: their API key, entity field, and the heading exports print. */
public enum AgeingBucket {
    CURRENT("current", "Current", d -> d.current),
    D30("d30", "30 Days", d -> d.d30),
    D60("d60", "60 Days", d -> d.d60),
    D90("d90", "90 Days", d -> d.d90),
    D120("d120", "120 Days", d -> d.d120),
    D150("d150", "150 Days", d -> d.d150),
    D180("d180", "180 Days", d -> d.d180);

    /** What a reminder's amount due adds up when the request names no buckets: the arrears. */
    public static final List<AgeingBucket> ARREARS = List.of(D60, D90, D120, D150, D180);

    private final String key;
    private final String heading;
    private final Function<Debtor, BigDecimal> amount;

    AgeingBucket(String key, String heading, Function<Debtor, BigDecimal> amount) {
        this.key = key;
        this.heading = heading;
        this.amount = amount;
    }

    /** The name in JSON and query parameters ({@code d60}). */
    public String key() {
        return key;
    }

    public String heading() {
        return heading;
    }

    /** The entity field, for queries (a fixed name, never user input). */
    public String field() {
        return this == CURRENT ? "current" : key;
    }

    /** The table column, for native SQL (a fixed name, never user input). */
    public String column() {
        return this == CURRENT ? "current_amount" : key;
    }

    public BigDecimal amountOf(Debtor debtor) {
        return amount.apply(debtor);
    }

    public static Optional<AgeingBucket> fromKey(String key) {
        return Arrays.stream(values())
                .filter(b -> b.key.equalsIgnoreCase(key.trim()))
                .findFirst();
    }
}
