package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.MovementSummary;
import com.clinicsuite.debtor.repository.ReportSnapshots;
import com.clinicsuite.debtor.repository.ReportSnapshots.AccountMovement;
import com.clinicsuite.debtor.repository.ReportSnapshots.Movement;
import com.clinicsuite.debtor.service.MovementQueries;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import com.clinicsuite.web.input.ParameterValues;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** How accounts moved between two completed reports, and the statistics of every completed report. */
@Path("/pharmacies/{pharmacy_id}/debtors")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collections: movement")
public class MovementResource {

    private final PharmacyAccess access;
    private final MovementQueries queries;

    public MovementResource(PharmacyAccess access, MovementQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    public record CountAndBalance(long count, BigDecimal balance) {}

    public record CountAndAmount(long count, BigDecimal amount) {}

    public record Count(long count) {}

    public record SummaryView(
            @JsonProperty("new") CountAndBalance newAccounts,
            CountAndBalance cleared,
            CountAndAmount paidDown,
            CountAndAmount increased,
            CountAndAmount aged,
            Count unchanged,
            BigDecimal outstandingBefore,
            BigDecimal outstandingAfter) {

        static SummaryView of(MovementSummary s) {
            return new SummaryView(
                    new CountAndBalance(s.newCount, s.newBalance),
                    new CountAndBalance(s.clearedCount, s.clearedBalance),
                    new CountAndAmount(s.paidDownCount, s.paidDownAmount),
                    new CountAndAmount(s.increasedCount, s.increasedAmount),
                    new CountAndAmount(s.agedCount, s.agedAmount),
                    new Count(s.unchangedCount),
                    s.outstandingBefore,
                    s.outstandingAfter);
        }
    }

    public record AccountView(
            String accNo,
            String name,
            Long debtorId,
            String movement,
            BigDecimal balanceBefore,
            BigDecimal balanceAfter,
            BigDecimal overdueBefore,
            BigDecimal overdueAfter) {

        static AccountView of(AccountMovement m) {
            return new AccountView(
                    m.accNo(),
                    m.name(),
                    m.debtorId(),
                    m.movement(),
                    m.balanceBefore(),
                    m.balanceAfter(),
                    m.overdueBefore(),
                    m.overdueAfter());
        }
    }

    public record MovementView(
            long fromReport,
            long toReport,
            SummaryView summary,
            List<AccountView> accounts,
            long total,
            int page,
            int perPage,
            long pages) {}

    public record HistoryEntry(
            long reportId,
            LocalDate reportDate,
            OffsetDateTime uploadedAt,
            int totalAccounts,
            BigDecimal totalOutstanding,
            BigDecimal current,
            BigDecimal d30,
            BigDecimal d60,
            BigDecimal d90,
            BigDecimal d120,
            BigDecimal d150,
            BigDecimal d180) {

        static HistoryEntry of(DebtorReport r) {
            return new HistoryEntry(
                    r.id,
                    r.reportDate,
                    r.uploadedAt,
                    r.totalAccounts,
                    r.totalOutstanding,
                    r.totalCurrent,
                    r.totalD30,
                    r.totalD60,
                    r.totalD90,
                    r.totalD120,
                    r.totalD150,
                    r.totalD180);
        }
    }

    @GET
    @Path("/movement")
    @Operation(
            summary = "How accounts moved between two completed reports",
            description = "from_report, to_report: debtor-service report ids (default: the two latest completed;"
                    + " with only to_report, the completed report before it). Medical-aid control accounts are left"
                    + " out, as in the statistics. movement: new (not in from_report), cleared (not in to_report;"
                    + " debtor_id null), paid_down / increased (balance down / up), aged (same balance, more of it in"
                    + " older buckets: the bucket-weighted age grew), unchanged (same balance, not older). Summary"
                    + " amounts: new and cleared their balance after / before, paid_down and increased the sum of the"
                    + " changes, aged their balance; outstanding_before/after are the reports' totals. overdue ="
                    + " d60..d180; a side the account is missing from is null. Accounts ordered by the absolute"
                    + " change of balance, largest first, then acc_no; filters movement (comma list), search"
                    + " (acc_no or name, case-insensitive); paging page (1), per_page (100, 1..1000) with total,"
                    + " page, per_page and pages as in the debtor list. 404 when a report is not the pharmacy's, 422"
                    + " when one is not completed or its accounts were not recorded (reports applied before this"
                    + " feature, except the one that was current). The movement of a report against its predecessor"
                    + " is computed once when the report completes; other pairs per request.")
    public Uni<MovementView> movement(
            @RestPath("pharmacy_id") long pharmacyId,
            @RestQuery("from_report") String fromReport,
            @RestQuery("to_report") String toReport,
            @RestQuery("movement") String movement,
            @RestQuery("search") String search,
            @RestQuery("page") String page,
            @RestQuery("per_page") String perPage) {
        access.requireRead(pharmacyId);
        Long from = id("from_report", fromReport);
        Long to = id("to_report", toReport);
        List<Movement> kinds = movements(movement);
        int pageNumber = ParameterValues.integer("page", page, 1, 1, Integer.MAX_VALUE / 1000);
        int size = ParameterValues.integer("per_page", perPage, 100, 1, 1000);
        return queries.movement(
                        pharmacyId, from, to, new ReportSnapshots.MovementFilter(kinds, search), pageNumber, size)
                .map(m -> new MovementView(
                        m.from().id,
                        m.to().id,
                        SummaryView.of(m.summary()),
                        m.accounts().stream().map(AccountView::of).toList(),
                        m.total(),
                        pageNumber,
                        size,
                        (m.total() + size - 1) / size));
    }

    @GET
    @Path("/statistics/history")
    @Operation(
            summary = "The statistics of every completed report, oldest first",
            description = "from, to: report dates YYYY-MM-DD, inclusive (a report without a printed date counts on"
                    + " the South African day it was uploaded). Totals exclude medical-aid control accounts.")
    public Uni<List<HistoryEntry>> history(
            @RestPath("pharmacy_id") long pharmacyId, @RestQuery("from") String from, @RestQuery("to") String to) {
        access.requireRead(pharmacyId);
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new UnprocessableEntityException("to", "must not be before from");
        }
        return queries.history(pharmacyId, fromDate, toDate)
                .map(reports -> reports.stream().map(HistoryEntry::of).toList());
    }

    private static Long id(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new UnprocessableEntityException(field, "must be a report id");
        }
    }

    private static List<Movement> movements(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<Movement> kinds = new ArrayList<>();
        for (String key : Arrays.asList(raw.split(","))) {
            if (key.isBlank()) {
                continue;
            }
            try {
                kinds.add(Movement.fromKey(key));
            } catch (IllegalArgumentException e) {
                throw new UnprocessableEntityException(
                        "movement",
                        "unknown movement '" + key.trim()
                                + "' (use new, cleared, paid_down, increased, aged, unchanged)");
            }
        }
        return kinds;
    }

    private static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new UnprocessableEntityException(field, "must be a date YYYY-MM-DD");
        }
    }
}
