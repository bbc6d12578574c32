package com.clinicsuite.imports.debtors.pdf;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** The seven ageing buckets and the balance of an account or of a report's totals, exact to the cent. */
public record AgeingAmounts(
        BigDecimal current,
        BigDecimal d30,
        BigDecimal d60,
        BigDecimal d90,
        BigDecimal d120,
        BigDecimal d150,
        BigDecimal d180,
        BigDecimal balance) {

    public static final AgeingAmounts ZERO = of(new EnumMap<>(Bucket.class));

    /** Missing buckets are zero; a missing balance is the sum of the buckets. */
    static AgeingAmounts of(Map<Bucket, BigDecimal> values) {
        BigDecimal[] v = new BigDecimal[Bucket.values().length];
        for (Bucket bucket : Bucket.values()) {
            v[bucket.ordinal()] = values.getOrDefault(bucket, BigDecimal.ZERO).setScale(2);
        }
        AgeingAmounts amounts = new AgeingAmounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        return values.containsKey(Bucket.BALANCE) ? amounts : amounts.withBalance(amounts.bucketSum());
    }

    public BigDecimal get(Bucket bucket) {
        return switch (bucket) {
            case CURRENT -> current;
            case D30 -> d30;
            case D60 -> d60;
            case D90 -> d90;
            case D120 -> d120;
            case D150 -> d150;
            case D180 -> d180;
            case BALANCE -> balance;
        };
    }

    /** current + d30 + ... + d180: what the balance must be. */
    public BigDecimal bucketSum() {
        return current.add(d30).add(d60).add(d90).add(d120).add(d150).add(d180);
    }

    public AgeingAmounts plus(AgeingAmounts other) {
        return new AgeingAmounts(
                current.add(other.current),
                d30.add(other.d30),
                d60.add(other.d60),
                d90.add(other.d90),
                d120.add(other.d120),
                d150.add(other.d150),
                d180.add(other.d180),
                balance.add(other.balance));
    }

    private AgeingAmounts withBalance(BigDecimal newBalance) {
        return new AgeingAmounts(current, d30, d60, d90, d120, d150, d180, newBalance.setScale(2));
    }
}
