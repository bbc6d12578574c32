package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The pharmacy's debtors a policy run considers (medical-aid control accounts are never reminded), read as plain
 * rows in one statement: a run covers every account (20,000 and more), where managed entities would cost more
 * than the run's whole budget.
 */
@ApplicationScoped
public class ReminderCandidates {

    /**
     * A debtor as a policy run reads it; {@code amounts} by bucket, {@code balance} as the report printed it and
     * {@code reportId} the report they come from (what an attached statement of account prints).
     */
    public record Candidate(
            long debtorId,
            String accNo,
            String name,
            String email,
            String phone,
            String phoneDigits,
            Map<AgeingBucket, BigDecimal> amounts,
            BigDecimal balance,
            long reportId) {

        public BigDecimal amountIn(List<AgeingBucket> buckets) {
            BigDecimal sum = BigDecimal.ZERO;
            for (AgeingBucket b : buckets) {
                sum = sum.add(amounts.get(b));
            }
            return sum;
        }
    }

    public Uni<List<Candidate>> of(long pharmacyId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT id, acc_no, name, email, phone, phone_digits, current_amount, d30, d60, d90,"
                                        + " d120, d150, d180, balance, report_id FROM debtor WHERE pharmacy_id = :pharmacy"
                                        + " AND is_medical_aid_control = :control",
                                Object[].class)
                        .setParameter("pharmacy", pharmacyId)
                        .setParameter("control", false)
                        .getResultList())
                .map(rows -> {
                    List<Candidate> candidates = new ArrayList<>(rows.size());
                    AgeingBucket[] buckets = AgeingBucket.values();
                    for (Object[] r : rows) {
                        Map<AgeingBucket, BigDecimal> amounts = new EnumMap<>(AgeingBucket.class);
                        for (int i = 0; i < buckets.length; i++) {
                            amounts.put(buckets[i], (BigDecimal) r[6 + i]);
                        }
                        candidates.add(new Candidate(
                                ((Number) r[0]).longValue(),
                                (String) r[1],
                                (String) r[2],
                                (String) r[3],
                                (String) r[4],
                                (String) r[5],
                                amounts,
                                (BigDecimal) r[13],
                                ((Number) r[14]).longValue()));
                    }
                    return candidates;
                });
    }
}
