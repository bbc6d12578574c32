package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.ReminderRun;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.outbox.JsonRowsInsert;
import com.clinicsuite.outbox.JsonRowsInsert.Column;
import com.clinicsuite.outbox.JsonRowsInsert.Type;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.outbox.SqlDialect;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Queues a run's reminders the way send-email/send-sms do (a {@code queued} communication row and a
 * {@code ReminderRequested} per reminder, in the run's transaction), but with one INSERT for all the rows and one
 * for all the events: a run reaches 20,000 accounts. notification-service then delivers them at its usual pace.
 * With the policy's {@code attach_statement} each e-mail reminder carries the account's statement data, as
 * send-email's do ({@link AccountStatements}); SMS never.
 */
@ApplicationScoped
public class PolicyReminderQueue {

    /** The requester policy reminders name in the history and the events. */
    public static final String REQUESTED_BY = "reminder-policy";

    private record Queued(ReminderPlanner.Send send, String reminderId) {}

    private static final List<Column<Queued>> COLUMNS = List.of(
            new Column<>("acc_no", Type.TEXT, q -> q.send().accNo()),
            new Column<>("reminder_id", Type.TEXT, Queued::reminderId),
            new Column<>(
                    "communication_type", Type.TEXT, q -> q.send().channel().code()),
            new Column<>("recipient", Type.TEXT, q -> q.send().recipient()),
            new Column<>("amount_due", Type.DECIMAL, q -> q.send().amount()));

    private final JsonRowsInsert<Queued> insert;
    private final Outbox outbox;
    private final AccountStatements statements;

    public PolicyReminderQueue(Outbox outbox, AccountStatements statements, SqlDialect dialect) {
        this.outbox = outbox;
        this.statements = statements;
        this.insert = JsonRowsInsert.into(
                "communication",
                List.of("pharmacy_id", "run_id", "status", "requested_by", "status_at", "created_at"),
                COLUMNS,
                dialect);
    }

    /**
     * Queues every reminder of the plan for the run, e-mails with the account's statement when
     * {@code attachStatement}; returns how many.
     */
    public Uni<Integer> queue(
            ReminderRun run, List<ReminderPlanner.Send> sends, OffsetDateTime now, boolean attachStatement) {
        if (sends.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Set<Long> reports = new HashSet<>();
        if (attachStatement) {
            for (ReminderPlanner.Send s : sends) {
                if (s.channel() == ReminderChannel.EMAIL) {
                    reports.add(s.account().reportId());
                }
            }
        }
        return statements.reportDates(reports).chain(dates -> insert(run, sends, now, attachStatement, dates));
    }

    private Uni<Integer> insert(
            ReminderRun run,
            List<ReminderPlanner.Send> sends,
            OffsetDateTime now,
            boolean attachStatement,
            Map<Long, LocalDate> reportDates) {
        List<Queued> queued = new ArrayList<>(sends.size());
        List<ReminderRequested> events = new ArrayList<>(sends.size());
        for (ReminderPlanner.Send s : sends) {
            Queued q = new Queued(s, UUID.randomUUID().toString());
            queued.add(q);
            events.add(new ReminderRequested(
                    q.reminderId(),
                    run.pharmacyId,
                    s.debtorId(),
                    s.accNo(),
                    s.channel(),
                    s.recipient(),
                    s.name(),
                    s.amount(),
                    s.buckets(),
                    REQUESTED_BY,
                    now.toInstant(),
                    s.language().code(),
                    attachStatement && s.channel() == ReminderChannel.EMAIL
                            ? AccountStatements.eventData(
                                    s.account(), reportDates.get(s.account().reportId()), s.language())
                            : null));
        }
        String json = insert.json(queued);
        String key = Long.toString(run.pharmacyId);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(insert.sql())
                        .setParameter(1, run.pharmacyId)
                        .setParameter(2, run.id)
                        .setParameter(3, DeliveryStatus.QUEUED.code())
                        .setParameter(4, REQUESTED_BY)
                        .setParameter(5, now)
                        .setParameter(6, now)
                        .setParameter(7, json)
                        .executeUpdate())
                .chain(() -> outbox.publishAll(EventCatalog.REMINDER_REQUESTED, events, e -> key));
    }
}
