package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Per-report account snapshots ({@code report_account}: balance, overdue d60..d180 and age weight of each account)
 * and the movement of accounts between two reports. The movement of a report against its predecessor is computed
 * once, set-based, into {@code account_movement}; any other pair is computed per request from the two snapshots with
 * the same classification. Statements are portable (PostgreSQL and SQL Server); they run in the caller's session.
 */
@ApplicationScoped
public class ReportSnapshots {

    /** The movement kinds, in the order of the contract. */
    public enum Movement {
        NEW,
        CLEARED,
        PAID_DOWN,
        INCREASED,
        AGED,
        UNCHANGED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Movement fromKey(String key) {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** Σ k × bucket_k (current = 0 .. d180 = 6): at equal balance, a larger weight means older debt. */
    private static final String AGE_WEIGHT = "d30 + 2 * d60 + 3 * d90 + 4 * d120 + 5 * d150 + 6 * d180";

    private static final String SNAPSHOT_FROM_STAGED = "INSERT INTO report_account (report_id, acc_no, name, balance,"
            + " overdue, age_weight, is_medical_aid_control) SELECT report_id, acc_no, name, balance,"
            + " d60 + d90 + d120 + d150 + d180, " + AGE_WEIGHT + ", is_medical_aid_control"
            + " FROM staged_account WHERE report_id = :report";

    /**
     * Each account of either report (medical-aid control accounts left out) with its movement from {@code :from} to
     * {@code :to}. An account only in the later report is new, only in the earlier one cleared; otherwise the balance
     * decides, and at the same balance a larger age weight (more of it in older buckets) means aged.
     */
    private static final String CLASSIFIED = "SELECT COALESCE(t.acc_no, f.acc_no) AS acc_no,"
            + " COALESCE(t.name, f.name) AS name,"
            + " CASE WHEN f.acc_no IS NULL THEN 'new' WHEN t.acc_no IS NULL THEN 'cleared'"
            + " WHEN t.balance < f.balance THEN 'paid_down' WHEN t.balance > f.balance THEN 'increased'"
            + " WHEN t.age_weight > f.age_weight THEN 'aged' ELSE 'unchanged' END AS movement,"
            + " f.balance AS balance_before, t.balance AS balance_after,"
            + " f.overdue AS overdue_before, t.overdue AS overdue_after,"
            + " ABS(COALESCE(t.balance, 0) - COALESCE(f.balance, 0)) AS change_abs"
            + " FROM (SELECT * FROM report_account WHERE report_id = :from AND is_medical_aid_control = :control) f"
            + " FULL OUTER JOIN (SELECT * FROM report_account WHERE report_id = :to"
            + " AND is_medical_aid_control = :control) t ON f.acc_no = t.acc_no";

    private static final String MATERIALIZE = "INSERT INTO account_movement (to_report_id, acc_no, name, movement,"
            + " balance_before, balance_after, overdue_before, overdue_after, change_abs)"
            + " SELECT :to, c.acc_no, c.name, c.movement, c.balance_before, c.balance_after, c.overdue_before,"
            + " c.overdue_after, c.change_abs FROM (" + CLASSIFIED + ") c";

    /** Totals of one movement kind: count, sum of balances after, before, and of absolute changes. */
    public record KindTotals(long count, BigDecimal balanceAfter, BigDecimal balanceBefore, BigDecimal change) {
        static final KindTotals NONE = new KindTotals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** One account's movement, {@code debtorId} its current debtor row (null when cleared). */
    public record AccountMovement(
            String accNo,
            String name,
            Long debtorId,
            String movement,
            BigDecimal balanceBefore,
            BigDecimal balanceAfter,
            BigDecimal overdueBefore,
            BigDecimal overdueAfter) {}

    /** Which accounts of a movement to list (null or empty: no filter). */
    public record MovementFilter(List<Movement> movements, String search) {}

    /** Writes the report's snapshot from its staged accounts; returns how many accounts it holds. */
    public Uni<Integer> snapshotFromStaged(long reportId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(SNAPSHOT_FROM_STAGED)
                        .setParameter("report", reportId)
                        .executeUpdate());
    }

    public Uni<Boolean> hasSnapshot(long reportId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT COUNT(*) FROM report_account WHERE report_id = :report", Long.class)
                        .setParameter("report", reportId)
                        .getSingleResult())
                .map(n -> ((Number) n).longValue() > 0);
    }

    /** The overdue balance of those accounts in the report's snapshot (accounts not in it are absent). */
    public Uni<Map<String, BigDecimal>> overdueIn(long reportId, List<String> accNos) {
        if (accNos.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT acc_no, overdue FROM report_account WHERE report_id = :report"
                                        + " AND acc_no IN (:accNos)",
                                Object[].class)
                        .setParameter("report", reportId)
                        .setParameter("accNos", accNos)
                        .getResultList())
                .map(rows -> {
                    Map<String, BigDecimal> overdue = new HashMap<>();
                    rows.forEach(r -> overdue.put((String) r[0], decimal(r[1])));
                    return overdue;
                });
    }

    /** Computes and stores each account's movement from {@code fromReportId} to {@code toReportId}. */
    public Uni<Integer> materialize(long fromReportId, long toReportId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(MATERIALIZE)
                        .setParameter("from", fromReportId)
                        .setParameter("to", toReportId)
                        .setParameter("control", false)
                        .executeUpdate());
    }

    /** Totals per movement kind of the stored movement of {@code toReportId}. */
    public Uni<Map<Movement, KindTotals>> storedTotals(long toReportId) {
        return Panache.getSession()
                .chain(session -> totals(
                        session,
                        "account_movement m WHERE m.to_report_id = :to",
                        q -> q.setParameter("to", toReportId)));
    }

    /** Totals per movement kind between any two reports, computed now. */
    public Uni<Map<Movement, KindTotals>> computedTotals(long fromReportId, long toReportId) {
        return Panache.getSession()
                .chain(session ->
                        totals(session, "(" + CLASSIFIED + ") m", q -> pairParameters(q, fromReportId, toReportId)));
    }

    /** A page of the stored movement of {@code toReportId}, largest absolute change first. */
    public Uni<List<AccountMovement>> storedPage(
            long pharmacyId, long toReportId, MovementFilter filter, int page, int perPage) {
        return page(
                pharmacyId,
                "account_movement m",
                "m.to_report_id = :to",
                q -> q.setParameter("to", toReportId),
                filter,
                page,
                perPage);
    }

    public Uni<Long> storedCount(long toReportId, MovementFilter filter) {
        return count("account_movement m", "m.to_report_id = :to", q -> q.setParameter("to", toReportId), filter);
    }

    /** A page of the movement between any two reports, computed now. */
    public Uni<List<AccountMovement>> computedPage(
            long pharmacyId, long fromReportId, long toReportId, MovementFilter filter, int page, int perPage) {
        return page(
                pharmacyId,
                "(" + CLASSIFIED + ") m",
                "1 = 1",
                q -> pairParameters(q, fromReportId, toReportId),
                filter,
                page,
                perPage);
    }

    public Uni<Long> computedCount(long fromReportId, long toReportId, MovementFilter filter) {
        return count("(" + CLASSIFIED + ") m", "1 = 1", q -> pairParameters(q, fromReportId, toReportId), filter);
    }

    private interface Binder {
        void bind(Mutiny.SelectionQuery<?> query);
    }

    private static void pairParameters(Mutiny.SelectionQuery<?> q, long from, long to) {
        q.setParameter("from", from);
        q.setParameter("to", to);
        q.setParameter("control", false);
    }

    private static Uni<Map<Movement, KindTotals>> totals(Mutiny.Session session, String source, Binder binder) {
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(
                "SELECT m.movement, COUNT(*), COALESCE(SUM(m.balance_after), 0), COALESCE(SUM(m.balance_before), 0),"
                        + " COALESCE(SUM(m.change_abs), 0) FROM " + source + " GROUP BY m.movement",
                Object[].class);
        binder.bind(query);
        return query.getResultList().map(rows -> {
            Map<Movement, KindTotals> totals = new EnumMap<>(Movement.class);
            for (Movement m : Movement.values()) {
                totals.put(m, KindTotals.NONE);
            }
            for (Object[] r : rows) {
                totals.put(
                        Movement.fromKey((String) r[0]),
                        new KindTotals(((Number) r[1]).longValue(), decimal(r[2]), decimal(r[3]), decimal(r[4])));
            }
            return totals;
        });
    }

    private static Uni<List<AccountMovement>> page(
            long pharmacyId, String source, String where, Binder binder, MovementFilter filter, int page, int perPage) {
        String sql = "SELECT m.acc_no, m.name, CASE WHEN m.movement = 'cleared' THEN NULL ELSE d.id END,"
                + " m.movement, m.balance_before, m.balance_after, m.overdue_before, m.overdue_after"
                + " FROM " + source + " LEFT JOIN debtor d ON d.pharmacy_id = :pharmacy AND d.acc_no = m.acc_no"
                + " WHERE " + where + filterSql(filter) + " ORDER BY m.change_abs DESC, m.acc_no";
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
            binder.bind(query);
            query.setParameter("pharmacy", pharmacyId);
            bindFilter(query, filter);
            return query.setFirstResult((page - 1) * perPage)
                    .setMaxResults(perPage)
                    .getResultList()
                    .map(rows -> {
                        List<AccountMovement> result = new ArrayList<>(rows.size());
                        for (Object[] r : rows) {
                            result.add(new AccountMovement(
                                    (String) r[0],
                                    (String) r[1],
                                    r[2] == null ? null : ((Number) r[2]).longValue(),
                                    (String) r[3],
                                    decimalOrNull(r[4]),
                                    decimalOrNull(r[5]),
                                    decimalOrNull(r[6]),
                                    decimalOrNull(r[7])));
                        }
                        return result;
                    });
        });
    }

    private static Uni<Long> count(String source, String where, Binder binder, MovementFilter filter) {
        String sql = "SELECT COUNT(*) FROM " + source + " WHERE " + where + filterSql(filter);
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object> query = session.createNativeQuery(sql, Object.class);
            binder.bind(query);
            bindFilter(query, filter);
            return query.getSingleResult().map(n -> ((Number) n).longValue());
        });
    }

    private static String filterSql(MovementFilter filter) {
        StringBuilder sql = new StringBuilder();
        if (filter.movements() != null && !filter.movements().isEmpty()) {
            sql.append(" AND m.movement IN (:movements)");
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            sql.append(" AND (LOWER(m.acc_no) LIKE :search ESCAPE '\\' OR LOWER(m.name) LIKE :search ESCAPE '\\')");
        }
        return sql.toString();
    }

    private static void bindFilter(Mutiny.SelectionQuery<?> query, MovementFilter filter) {
        if (filter.movements() != null && !filter.movements().isEmpty()) {
            query.setParameter(
                    "movements", filter.movements().stream().map(Movement::key).toList());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            String term = filter.search()
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            query.setParameter("search", "%" + term + "%");
        }
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d.setScale(2) : new BigDecimal(value.toString()).setScale(2);
    }

    private static BigDecimal decimalOrNull(Object value) {
        return value == null ? null : decimal(value);
    }
}
