package com.clinicsuite.debtor.repository;

import com.clinicsuite.outbox.JsonRowsInsert;
import com.clinicsuite.outbox.SqlDialect;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The debtors of an export, read a page at a time in list order (balance descending, then acc_no) with a keyset:
 * each page starts after the last row of the previous one, so every page is one index range scan whatever the
 * export's size, and nothing but the current page is held.
 *
 * <p>Native SQL, because the chosen debtor ids travel as ONE parameter, a JSON array turned into rows by the database
 * ({@link JsonRowsInsert#valuesOf}: {@code json_array_elements_text} on PostgreSQL, {@code OPENJSON} on SQL Server),
 * which HQL cannot express. Bound one by one, 10,000 ids would break SQL Server's limit of 2,100 parameters (and
 * 70,000 PostgreSQL's 65,535). Rows are pinned to one report: a replacement committed during an export moves every row
 * to the new report, so the export cannot mix the two sets (the caller notices and aborts).
 */
@ApplicationScoped
public class DebtorExportQuery {

    private static final String COLUMNS = "d.acc_no, d.name, d.current_amount, d.d30, d.d60, d.d90, d.d120, d.d150,"
            + " d.d180, d.balance, d.email, d.phone, d.arrears, d.last_payment_amount, d.last_payment_date";

    /** Where the previous page ended. */
    public record After(BigDecimal balance, String accNo) {}

    private final String idsSubquery;

    public DebtorExportQuery(SqlDialect dialect) {
        this.idsSubquery = JsonRowsInsert.valuesOf(JsonRowsInsert.Type.BIGINT, dialect);
    }

    /** Up to {@code size} rows after {@code after} (null: from the start). Needs a session. */
    public Uni<List<ExportRow>> page(long pharmacyId, long reportId, ExportFilter filter, After after, int size) {
        Where where = where(pharmacyId, reportId, filter);
        String sql = "select " + COLUMNS + " from debtor d where " + where.sql
                + (after == null ? "" : " and (d.balance < ? or (d.balance = ? and d.acc_no > ?))")
                + " order by d.balance desc, d.acc_no";
        if (after != null) {
            where.parameters.add(after.balance());
            where.parameters.add(after.balance());
            where.parameters.add(after.accNo());
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setMaxResults(size);
            for (int i = 0; i < where.parameters.size(); i++) {
                query.setParameter(i + 1, where.parameters.get(i));
            }
            return query.getResultList()
                    .map(rows ->
                            rows.stream().map(DebtorExportQuery::row).collect(Collectors.toCollection(ArrayList::new)));
        });
    }

    /** How many rows the export selects. Needs a session. */
    public Uni<Long> count(long pharmacyId, long reportId, ExportFilter filter) {
        Where where = where(pharmacyId, reportId, filter);
        String sql = "select count(*) from debtor d where " + where.sql;
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object.class);
            for (int i = 0; i < where.parameters.size(); i++) {
                query.setParameter(i + 1, where.parameters.get(i));
            }
            return query.getSingleResult().map(n -> ((Number) n).longValue());
        });
    }

    private record Where(String sql, List<Object> parameters) {}

    /** Column names come from this class and {@link AgeingBucket}, values only from parameters. */
    private Where where(long pharmacyId, long reportId, ExportFilter filter) {
        List<String> clauses = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        clauses.add("d.pharmacy_id = ?");
        parameters.add(pharmacyId);
        clauses.add("d.report_id = ?");
        parameters.add(reportId);
        if (filter.excludeMedicalAid()) {
            clauses.add("d.is_medical_aid_control = ?");
            parameters.add(false);
        }
        if (filter.minBalance() != null) {
            clauses.add("d.arrears > ?");
            parameters.add(filter.minBalance());
        }
        if (!filter.ageingBuckets().isEmpty()) {
            clauses.add(filter.ageingBuckets().stream()
                    .map(b -> "d." + b.column() + " <> 0")
                    .collect(Collectors.joining(" or ", "(", ")")));
        }
        if (filter.withoutContacts()) {
            clauses.add("d.email is null and d.phone is null");
        }
        if (filter.debtorIds() != null) {
            clauses.add("d.id in (" + idsSubquery + ")");
            parameters.add(JsonRowsInsert.jsonArray(filter.debtorIds()));
        }
        return new Where(String.join(" and ", clauses), parameters);
    }

    private static ExportRow row(Object[] r) {
        return new ExportRow(
                (String) r[0],
                (String) r[1],
                (BigDecimal) r[2],
                (BigDecimal) r[3],
                (BigDecimal) r[4],
                (BigDecimal) r[5],
                (BigDecimal) r[6],
                (BigDecimal) r[7],
                (BigDecimal) r[8],
                (BigDecimal) r[9],
                (String) r[10],
                (String) r[11],
                (BigDecimal) r[12],
                (BigDecimal) r[13],
                date(r[14]));
    }

    /** A DATE column as the driver hands it over (LocalDate, or java.sql.Date through some dialects). */
    private static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
