package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.config.ReminderConfig;
import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.service.ReminderCommand;
import com.clinicsuite.debtor.service.ReminderRequests;
import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;

/** E-mail and SMS reminders: validated here, delivered by notification-service. */
@Path("/pharmacies/{pharmacy_id}/debtors")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReminderResource {

    private final PharmacyAccess access;
    private final CallerIdentity caller;
    private final ReminderRequests reminders;
    private final ReminderConfig config;
    private final JsonWebToken jwt;

    public ReminderResource(
            PharmacyAccess access,
            CallerIdentity caller,
            ReminderRequests reminders,
            ReminderConfig config,
            JsonWebToken jwt) {
        this.access = access;
        this.caller = caller;
        this.reminders = reminders;
        this.config = config;
        this.jwt = jwt;
    }

    @POST
    @Path("/send-email")
    public Uni<ReminderResponse> sendEmail(@RestPath("pharmacy_id") long pharmacyId, ReminderRequest body) {
        return send(pharmacyId, ReminderChannel.EMAIL, body);
    }

    @POST
    @Path("/send-sms")
    public Uni<ReminderResponse> sendSms(@RestPath("pharmacy_id") long pharmacyId, ReminderRequest body) {
        return send(pharmacyId, ReminderChannel.SMS, body);
    }

    private Uni<ReminderResponse> send(long pharmacyId, ReminderChannel channel, ReminderRequest body) {
        access.requireWrite(pharmacyId);
        ReminderCommand command = command(body, channel);
        return reminders
                .request(pharmacyId, channel, command, caller.username(), jwt.getRawToken())
                .map(outcome -> ReminderResponse.of(outcome, channel));
    }

    private ReminderCommand command(ReminderRequest body, ReminderChannel channel) {
        if (body == null || body.debtorIds() == null || body.debtorIds().isEmpty()) {
            throw new UnprocessableEntityException("debtor_ids", "name at least one debtor");
        }
        if (body.debtorIds().stream().anyMatch(Objects::isNull)) {
            throw new UnprocessableEntityException("debtor_ids", "must not contain null");
        }
        if (body.debtorIds().size() > config.maxDebtorsPerRequest()) {
            throw new UnprocessableEntityException(
                    "debtor_ids", "at most " + config.maxDebtorsPerRequest() + " debtors a request");
        }
        List<AgeingBucket> buckets = body.ageingBuckets() == null
                ? AgeingBucket.ARREARS
                : RequestParameters.buckets("ageing_buckets", body.ageingBuckets());
        if (buckets.isEmpty()) {
            throw new UnprocessableEntityException("ageing_buckets", "name at least one bucket, or leave it out");
        }
        boolean attachStatement = Boolean.TRUE.equals(body.attachStatement());
        if (attachStatement && channel != ReminderChannel.EMAIL) {
            throw new UnprocessableEntityException(
                    "attach_statement", "a statement can only be attached to an e-mail: leave it out for SMS");
        }
        return new ReminderCommand(body.debtorIds(), buckets, Boolean.TRUE.equals(body.force()), attachStatement);
    }
}
