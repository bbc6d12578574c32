package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The accounts of reports still being received. Written with multi-row INSERTs (a report reaches 50,000
 * accounts: one statement per account would take seconds), in the caller's transaction.
 */
@ApplicationScoped
public class StagedAccounts {

    private static final String COLUMNS = "report_id, acc_no, name, current_amount, d30, d60, d90, d120, d150, d180,"
            + " balance, email, phone, phone_digits, is_medical_aid_control, last_payment_date, last_payment_amount,"
            + " terms, credit_limit";
    private static final int COLUMN_COUNT = 19;
    /** 100 rows x 19 parameters stays under SQL Server's 2,100 parameters a statement. */
    private static final int ROWS_PER_STATEMENT = 100;

    public Uni<Void> insert(long reportId, List<AccountRow> accounts) {
        List<List<AccountRow>> batches = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i += ROWS_PER_STATEMENT) {
            batches.add(accounts.subList(i, Math.min(accounts.size(), i + ROWS_PER_STATEMENT)));
        }
        return Panache.getSession()
                .chain(session -> Multi.createFrom()
                        .iterable(batches)
                        .onItem()
                        .transformToUniAndConcatenate(batch -> insertBatch(session, reportId, batch))
                        .collect()
                        .last())
                .replaceWithVoid();
    }

    private static Uni<Integer> insertBatch(Mutiny.Session session, long reportId, List<AccountRow> batch) {
        StringJoiner values = new StringJoiner(", ");
        int p = 1;
        for (int row = 0; row < batch.size(); row++) {
            StringJoiner placeholders = new StringJoiner(", ", "(", ")");
            for (int c = 0; c < COLUMN_COUNT; c++) {
                placeholders.add("?" + p++);
            }
            values.add(placeholders.toString());
        }
        var query = session.createNativeQuery("INSERT INTO staged_account (" + COLUMNS + ") VALUES " + values);
        p = 1;
        for (AccountRow a : batch) {
            query.setParameter(p++, reportId);
            query.setParameter(p++, a.accNo());
            query.setParameter(p++, a.name());
            query.setParameter(p++, a.current());
            query.setParameter(p++, a.d30());
            query.setParameter(p++, a.d60());
            query.setParameter(p++, a.d90());
            query.setParameter(p++, a.d120());
            query.setParameter(p++, a.d150());
            query.setParameter(p++, a.d180());
            query.setParameter(p++, a.balance());
            query.setParameter(p++, a.email());
            query.setParameter(p++, a.phone());
            query.setParameter(p++, a.phoneDigits());
            query.setParameter(p++, a.medicalAidControl());
            query.setParameter(p++, a.lastPaymentDate());
            query.setParameter(p++, a.lastPaymentAmount());
            query.setParameter(p++, a.terms());
            query.setParameter(p++, a.creditLimit());
        }
        return query.executeUpdate();
    }

    public record StagedCounts(long accounts, long distinctAccNos) {}

    public Uni<StagedCounts> counts(long reportId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT COUNT(*), COUNT(DISTINCT acc_no) FROM staged_account WHERE report_id = ?1",
                                Object[].class)
                        .setParameter(1, reportId)
                        .getSingleResult())
                .map(row -> new StagedCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    /** An account number staged more than once, if any (for the error message). */
    public Uni<String> firstDuplicateAccNo(long reportId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT acc_no FROM staged_account WHERE report_id = ?1 GROUP BY acc_no HAVING COUNT(*) > 1"
                                        + " ORDER BY acc_no",
                                String.class)
                        .setParameter(1, reportId)
                        .setMaxResults(1)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Integer> delete(long reportId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("DELETE FROM staged_account WHERE report_id = ?1")
                        .setParameter(1, reportId)
                        .executeUpdate());
    }
}
