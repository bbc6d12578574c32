package com.clinicsuite.credit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@ApplicationScoped
public class ApiLogRepository implements PanacheRepository<ApiLog> {

    /** Newest first, and the number of all matches. */
    public Uni<Page<ApiLog>> page(ApiLogFilter filter, int skip, int limit) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.userName() != null) {
            clauses.add("userName = :user");
            params.and("user", filter.userName());
        }
        if (filter.endpoint() != null) {
            clauses.add("lower(endpoint) like :endpoint escape '\\'");
            params.and(
                    "endpoint",
                    "%"
                            + filter.endpoint()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        }
        if (filter.from() != null) {
            clauses.add("loggedAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("loggedAt < :to");
            params.and("to", filter.to());
        }
        String hql = clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
        Uni<Long> total = filter.endpoint() == null ? countByDays(filter) : count(hql, params);
        return find(hql, Sort.descending("loggedAt", "id"), params)
                .range(skip, skip + limit - 1)
                .list()
                .chain(items -> total.map(count -> new Page<>(items, count)));
    }

    /**
     * The number of calls a user and/or time filter selects without counting rows one by one: the whole UTC days in
     * the range from api_log_daily_calls (kept by triggers in the inserting transaction, migration V7), plus a count
     * of the rows of the partial days at its edges (at most two days' rows, read through the time or user index).
     * At 10 million rows a count of everything took seconds; this reads a few hundred daily rows.
     */
    private Uni<Long> countByDays(ApiLogFilter filter) {
        LocalDate firstWholeDay = filter.from() == null ? null : ceilDay(filter.from());
        LocalDate endOfWholeDays = filter.to() == null ? null : floorDay(filter.to());
        if (firstWholeDay != null && endOfWholeDays != null && !firstWholeDay.isBefore(endOfWholeDays)) {
            // within one day (or empty): its rows, through the index
            return countRows(filter.userName(), filter.from(), filter.to());
        }
        StringBuilder sql = new StringBuilder("select coalesce(sum(calls), 0) from api_log_daily_calls where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.userName() != null) {
            sql.append(" and user_name = :user");
            params.put("user", filter.userName());
        }
        if (firstWholeDay != null) {
            sql.append(" and day >= :firstDay");
            params.put("firstDay", firstWholeDay);
        }
        if (endOfWholeDays != null) {
            sql.append(" and day < :endDay");
            params.put("endDay", endOfWholeDays);
        }
        Uni<Long> wholeDays = getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Long.class);
            params.forEach(query::setParameter);
            return query.getSingleResult();
        });
        Uni<Long> head = firstWholeDay == null || !filter.from().isBefore(startOf(firstWholeDay))
                ? Uni.createFrom().item(0L)
                : countRows(filter.userName(), filter.from(), startOf(firstWholeDay));
        Uni<Long> tail = endOfWholeDays == null || !startOf(endOfWholeDays).isBefore(filter.to())
                ? Uni.createFrom().item(0L)
                : countRows(filter.userName(), startOf(endOfWholeDays), filter.to());
        // one session: one statement after the other
        return wholeDays.chain(days -> head.chain(h -> tail.map(t -> days + h + t)));
    }

    private Uni<Long> countRows(String userName, OffsetDateTime from, OffsetDateTime to) {
        Parameters params = Parameters.with("from", from).and("to", to);
        String hql = "loggedAt >= :from and loggedAt < :to";
        if (userName != null) {
            hql += " and userName = :user";
            params.and("user", userName);
        }
        return count(hql, params);
    }

    private static LocalDate floorDay(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate ceilDay(OffsetDateTime at) {
        LocalDate day = floorDay(at);
        return startOf(day).isBefore(at) ? day.plusDays(1) : day;
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
