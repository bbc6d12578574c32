package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.ReminderPolicy;
import com.clinicsuite.debtor.repository.ReminderRun;
import com.clinicsuite.debtor.service.PolicySettings;
import com.clinicsuite.debtor.service.QuietHours;
import com.clinicsuite.debtor.service.ReminderPlanner;
import com.clinicsuite.debtor.service.ReminderPolicies;
import com.clinicsuite.debtor.service.ScheduleSlots;
import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.vocabulary.Coded;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

/** A pharmacy's reminder policy, its preview and its runs. debtor-service decides, notification-service delivers. */
@Path("/pharmacies/{pharmacy_id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Collections: reminder policies")
public class ReminderPolicyResource {

    private static final Set<String> TRIGGERS =
            Set.of(ReminderPolicy.AFTER_UPLOAD, ReminderPolicy.SCHEDULE, ReminderPolicy.MANUAL);

    private final PharmacyAccess access;
    private final CallerIdentity caller;
    private final ReminderPolicies policies;

    public ReminderPolicyResource(PharmacyAccess access, CallerIdentity caller, ReminderPolicies policies) {
        this.access = access;
        this.caller = caller;
        this.policies = policies;
    }

    public record QuietHoursView(String from, String to, String zone) {}

    public record PolicyView(
            Boolean enabled,
            String trigger,
            String schedule,
            BigDecimal minOverdue,
            List<String> ageingBuckets,
            List<String> channels,
            Integer cooldownDays,
            QuietHoursView quietHours,
            Integer maxPerDay,
            Boolean attachStatement) {

        static PolicyView of(PolicySettings p) {
            return new PolicyView(
                    p.enabled(),
                    p.trigger(),
                    p.schedule(),
                    p.minOverdue(),
                    p.ageingBuckets().stream().map(AgeingBucket::key).toList(),
                    p.channels().stream().map(ReminderChannel::code).toList(),
                    p.cooldownDays(),
                    p.quietHours() == null
                            ? null
                            : new QuietHoursView(
                                    p.quietHours().from().toString(),
                                    p.quietHours().to().toString(),
                                    p.zone().getId()),
                    p.maxPerDay(),
                    p.attachStatement());
        }
    }

    public record WouldSend(long debtorId, String accNo, String name, String channel, BigDecimal amount) {}

    public record Skipped(long debtorId, String accNo, String reason) {}

    public record PreviewView(List<WouldSend> wouldSend, List<Skipped> skipped) {}

    public record RunView(
            long id,
            String trigger,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            int queued,
            int skipped,
            long failed,
            String status,
            OffsetDateTime scheduledFor,
            Long reportId) {

        static RunView of(ReminderRun r, long failed) {
            return new RunView(
                    r.id,
                    r.trigger,
                    r.startedAt,
                    r.finishedAt,
                    r.queued,
                    r.skipped,
                    failed,
                    r.status,
                    r.notBefore,
                    r.reportId);
        }
    }

    @GET
    @Path("/reminder-policy")
    @Operation(
            summary = "The pharmacy's reminder policy",
            description = "A pharmacy without one answers the disabled default: trigger manual, min_overdue 100.00,"
                    + " d60..d180, channels email then sms, cooldown 14 days, quiet hours 18:00-08:00"
                    + " Africa/Johannesburg, max_per_day 500, attach_statement false.")
    public Uni<PolicyView> get(@RestPath("pharmacy_id") long pharmacyId) {
        access.requireRead(pharmacyId);
        return policies.get(pharmacyId).map(PolicyView::of);
    }

    @PUT
    @Path("/reminder-policy")
    @Operation(
            summary = "Replaces the pharmacy's reminder policy",
            description = "Fields left out take the default's value. trigger: after_upload (a run after each"
                    + " completed report), schedule (schedule: a 5-field cron expression, minute hour day-of-month"
                    + " month day-of-week, e.g. 0 9 * * MON, in the pharmacy's zone) or manual (POST"
                    + " /reminder-runs only). enabled false stops the automatic triggers; manual runs still run."
                    + " min_overdue: accounts owing less in ageing_buckets are skipped (below_minimum); accounts"
                    + " owing nothing there are not considered. channels: the order of preference; the first"
                    + " configured channel that reaches the account is used. cooldown_days: accounts reminded on any"
                    + " channel within that many days are skipped (failed reminders do not count). quiet_hours:"
                    + " {from, to, zone} (HH:mm, from inclusive, to exclusive, may cross midnight) or null for none;"
                    + " zone is the pharmacy's time zone, also for the schedule and the daily maximum's day"
                    + " (default Africa/Johannesburg). A run that falls in quiet hours waits for their end as a"
                    + " whole. max_per_day: reminders the policy's runs queue per day in that zone (largest amounts"
                    + " first), 1..100000. A changed trigger or schedule only runs slots after the change.")
    public Uni<PolicyView> put(@RestPath("pharmacy_id") long pharmacyId, PolicyView body) {
        access.requireWrite(pharmacyId);
        return policies.put(pharmacyId, settings(body), caller.username()).map(PolicyView::of);
    }

    @POST
    @Path("/reminder-policy/preview")
    @Operation(
            summary = "Whom the policy would contact now, without sending",
            description = "would_send in the order a run queues them (largest amount first); skipped with a reason:"
                    + " do_not_contact, open_promise (an open promise whose due date has not passed), below_minimum,"
                    + " cooldown, opted_out (SMS was the only way and the number opted out), no_contact (no"
                    + " configured channel of the policy reaches the account), daily_limit. Medical-aid control"
                    + " accounts and accounts owing nothing in ageing_buckets are not listed.")
    public Uni<PreviewView> preview(@RestPath("pharmacy_id") long pharmacyId) {
        access.requireRead(pharmacyId);
        return policies.preview(pharmacyId).map(ReminderPolicyResource::preview);
    }

    @GET
    @Path("/reminder-runs")
    @Operation(
            summary = "The policy's runs, newest first (the last 100)",
            description = "failed: reminders of the run notification-service reported failed so far. Besides the"
                    + " contract's fields: status (pending, finished, cancelled), scheduled_for (not run before),"
                    + " report_id (after_upload runs).")
    public Uni<List<RunView>> runs(@RestPath("pharmacy_id") long pharmacyId) {
        access.requireRead(pharmacyId);
        return policies.runs(pharmacyId)
                .map(runs ->
                        runs.stream().map(r -> RunView.of(r.run(), r.failed())).toList());
    }

    @POST
    @Path("/reminder-runs")
    @ResponseStatus(202)
    @Operation(
            summary = "Runs the policy now (trigger manual)",
            description = "202 with the run, pending: it runs within seconds, or at the end of quiet hours"
                    + " (scheduled_for) when asked during them. Uses the saved policy (or the default) whether or"
                    + " not it is enabled.")
    public Uni<RunView> runNow(@RestPath("pharmacy_id") long pharmacyId) {
        access.requireWrite(pharmacyId);
        return policies.runNow(pharmacyId, caller.username()).map(r -> RunView.of(r, 0));
    }

    private static PreviewView preview(ReminderPlanner.Plan plan) {
        return new PreviewView(
                plan.wouldSend().stream()
                        .map(s -> new WouldSend(
                                s.debtorId(), s.accNo(), s.name(), s.channel().code(), s.amount()))
                        .toList(),
                plan.skipped().stream()
                        .map(s -> new Skipped(s.debtorId(), s.accNo(), s.reason()))
                        .toList());
    }

    /** The body as policy settings, absent fields from the default; 422 naming the first field at fault. */
    static PolicySettings settings(PolicyView body) {
        if (body == null) {
            throw new UnprocessableEntityException("enabled", "send the policy");
        }
        PolicySettings d = PolicySettings.defaults();
        String trigger = body.trigger() == null ? d.trigger() : body.trigger();
        if (!TRIGGERS.contains(trigger)) {
            throw new UnprocessableEntityException("trigger", "must be after_upload, schedule or manual");
        }
        String schedule = body.schedule() == null || body.schedule().isBlank()
                ? null
                : body.schedule().trim();
        if (ReminderPolicy.SCHEDULE.equals(trigger) && schedule == null) {
            throw new UnprocessableEntityException(
                    "schedule", "is required for the schedule trigger (e.g. 0 9 * * MON)");
        }
        if (schedule != null) {
            try {
                ScheduleSlots.validate(schedule);
            } catch (IllegalArgumentException e) {
                throw new UnprocessableEntityException(
                        "schedule",
                        "is not a 5-field cron expression (minute hour day month weekday): " + e.getMessage());
            }
        }
        BigDecimal minOverdue = body.minOverdue() == null ? d.minOverdue() : body.minOverdue();
        if (minOverdue.signum() < 0 || minOverdue.stripTrailingZeros().scale() > 2) {
            throw new UnprocessableEntityException("min_overdue", "must be 0 or more, with at most 2 decimals");
        }
        List<AgeingBucket> buckets = body.ageingBuckets() == null
                ? d.ageingBuckets()
                : RequestParameters.buckets("ageing_buckets", body.ageingBuckets());
        if (buckets.isEmpty()) {
            throw new UnprocessableEntityException("ageing_buckets", "name at least one bucket");
        }
        List<ReminderChannel> channels = body.channels() == null ? d.channels() : channels(body.channels());
        int cooldown = body.cooldownDays() == null ? d.cooldownDays() : body.cooldownDays();
        if (cooldown < 0 || cooldown > 365) {
            throw new UnprocessableEntityException("cooldown_days", "must be between 0 and 365");
        }
        int maxPerDay = body.maxPerDay() == null ? d.maxPerDay() : body.maxPerDay();
        if (maxPerDay < 1 || maxPerDay > 100_000) {
            throw new UnprocessableEntityException("max_per_day", "must be between 1 and 100000");
        }
        QuietHours quiet = d.quietHours();
        ZoneId zone = d.zone();
        if (body.quietHours() == null) {
            quiet = null;
        } else {
            quiet = new QuietHours(
                    time("quiet_hours.from", body.quietHours().from()),
                    time("quiet_hours.to", body.quietHours().to()));
            if (body.quietHours().zone() != null) {
                try {
                    zone = ZoneId.of(body.quietHours().zone().trim());
                } catch (DateTimeException e) {
                    throw new UnprocessableEntityException(
                            "quiet_hours.zone", "is not a time zone (e.g. Africa/Johannesburg)");
                }
            }
        }
        return new PolicySettings(
                Boolean.TRUE.equals(body.enabled()),
                trigger,
                schedule,
                minOverdue.setScale(2),
                buckets,
                channels,
                cooldown,
                quiet,
                zone,
                maxPerDay,
                Boolean.TRUE.equals(body.attachStatement()));
    }

    private static List<ReminderChannel> channels(List<String> keys) {
        List<ReminderChannel> channels = new ArrayList<>();
        for (String key : keys) {
            ReminderChannel c = key == null
                    ? null
                    : Coded.find(ReminderChannel.class, key.trim()).orElse(null);
            if (c == null) {
                throw new UnprocessableEntityException("channels", "use email and/or sms, in order of preference");
            }
            if (!channels.contains(c)) {
                channels.add(c);
            }
        }
        if (channels.isEmpty()) {
            throw new UnprocessableEntityException("channels", "name at least one channel");
        }
        return channels;
    }

    private static LocalTime time(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new UnprocessableEntityException(field, "is required (HH:mm), or send quiet_hours null");
        }
        try {
            return LocalTime.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new UnprocessableEntityException(field, "must be a time HH:mm");
        }
    }
}
