package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Makes a staged report the pharmacy's debtor set with three set-based statements in the caller's transaction:
 * accounts still reported keep their row (and id) and get the new amounts, new accounts are inserted, accounts no
 * longer reported are deleted. Readers see the old or the new set, never a mix. MERGE is valid on PostgreSQL 15+
 * and SQL Server.
 */
@ApplicationScoped
public class DebtorSetReplacement {

    private static final String MERGE = """
            MERGE INTO debtor d
            USING (SELECT * FROM staged_account WHERE report_id = ?1) s
            ON d.pharmacy_id = ?2 AND d.acc_no = s.acc_no
            WHEN MATCHED THEN UPDATE SET
                report_id = ?1, name = s.name, current_amount = s.current_amount, d30 = s.d30, d60 = s.d60,
                d90 = s.d90, d120 = s.d120, d150 = s.d150, d180 = s.d180, balance = s.balance,
                arrears = s.d60 + s.d90 + s.d120 + s.d150 + s.d180, email = s.email, phone = s.phone,
                phone_digits = s.phone_digits, is_medical_aid_control = s.is_medical_aid_control,
                last_payment_date = s.last_payment_date, last_payment_amount = s.last_payment_amount,
                terms = s.terms, credit_limit = s.credit_limit, updated_at = ?3
            WHEN NOT MATCHED THEN INSERT (pharmacy_id, report_id, acc_no, name, current_amount, d30, d60, d90, d120,
                d150, d180, balance, arrears, email, phone, phone_digits, is_medical_aid_control, last_payment_date,
                last_payment_amount, terms, credit_limit, created_at, updated_at)
            VALUES (?2, ?1, s.acc_no, s.name, s.current_amount, s.d30, s.d60, s.d90, s.d120, s.d150, s.d180,
                s.balance, s.d60 + s.d90 + s.d120 + s.d150 + s.d180, s.email, s.phone, s.phone_digits,
                s.is_medical_aid_control, s.last_payment_date, s.last_payment_amount, s.terms, s.credit_limit,
                ?3, ?3);
            """;

    private static final String DELETE_UNREPORTED = """
            DELETE FROM debtor WHERE pharmacy_id = ?1 AND NOT EXISTS
                (SELECT 1 FROM staged_account s WHERE s.report_id = ?2 AND s.acc_no = debtor.acc_no)
            """;

    private static final String TOTALS = """
            SELECT COUNT(*), COALESCE(SUM(balance), 0), COALESCE(SUM(current_amount), 0), COALESCE(SUM(d30), 0),
                COALESCE(SUM(d60), 0), COALESCE(SUM(d90), 0), COALESCE(SUM(d120), 0), COALESCE(SUM(d150), 0),
                COALESCE(SUM(d180), 0)
            FROM debtor WHERE pharmacy_id = ?1 AND is_medical_aid_control = ?2
            """;

    /** Column sums of the pharmacy's debtors, medical-aid control accounts excluded. */
    public record Totals(int accounts, BigDecimal outstanding, BigDecimal current, BigDecimal d30, BigDecimal d60,
                         BigDecimal d90, BigDecimal d120, BigDecimal d150, BigDecimal d180) {
    }

    private final boolean postgres;

    public DebtorSetReplacement(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.postgres = dbKind.startsWith("postgres");
    }

    public Uni<Totals> replace(long pharmacyId, long reportId, OffsetDateTime now) {
        return Panache.getSession().chain(session -> planForBulk(session)
                .chain(() -> session.createNativeQuery(MERGE)
                        .setParameter(1, reportId).setParameter(2, pharmacyId).setParameter(3, now)
                        .executeUpdate())
                .chain(() -> session.createNativeQuery(DELETE_UNREPORTED)
                        .setParameter(1, pharmacyId).setParameter(2, reportId)
                        .executeUpdate())
                .chain(() -> session.createNativeQuery(TOTALS, Object[].class)
                        .setParameter(1, pharmacyId).setParameter(2, false)
                        .getSingleResult())
                .call(() -> postgres
                        ? session.createNativeQuery("SET LOCAL enable_nestloop = on").executeUpdate()
                        : Uni.createFrom().voidItem())
                .map(row -> new Totals(((Number) row[0]).intValue(), decimal(row[1]), decimal(row[2]),
                        decimal(row[3]), decimal(row[4]), decimal(row[5]), decimal(row[6]), decimal(row[7]),
                        decimal(row[8]))));
    }

    /**
     * Staged rows were just inserted, and autovacuum may have last analysed staged_account while it was empty: the
     * planner then expects one row and picks nested loops that take minutes for 20,000 x 20,000 accounts. On
     * PostgreSQL, fresh statistics and no nested loops keep the three statements on hash joins (well under a second).
     */
    private Uni<Void> planForBulk(Mutiny.Session session) {
        if (!postgres) {
            return Uni.createFrom().voidItem(); // SQL Server updates statistics itself before compiling the plan
        }
        return session.createNativeQuery("ANALYZE staged_account").executeUpdate()
                .chain(() -> session.createNativeQuery("SET LOCAL enable_nestloop = off").executeUpdate())
                .replaceWithVoid();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d.setScale(2) : new BigDecimal(value.toString()).setScale(2);
    }
}
