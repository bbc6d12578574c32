package com.clinicsuite.outbox.ops;

import com.clinicsuite.outbox.DeadLetters;
import com.clinicsuite.web.input.ParameterValues;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The consumers' dead letters of this service (docs/operations.md, "Dead letters"): list them with their error,
 * look at one, replay one or all after a fix. Admin only; through the gateway at
 * {@code /services/<service>/ops/dead-letters}.
 */
@Path("/ops/dead-letters")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Oldest first; {@code status} open (default: not replayed since it failed), replayed, resolved or all. */
    @GET
    public Uni<Response> list(
            @QueryParam("consumer") String consumer,
            @QueryParam("topic") String topic,
            @QueryParam("status") String status,
            @QueryParam("skip") String skip,
            @QueryParam("limit") String limit) {
        DeadLetters.Filter filter = filter(consumer, topic, status);
        Paging paging = Paging.of(skip, limit);
        return deadLetters
                .count(filter)
                .chain(total -> deadLetters
                        .list(filter, paging.skip(), paging.limit())
                        .map(rows -> Response.ok(
                                        rows.stream().map(DeadLetterSummary::of).toList())
                                .header("X-Total-Count", total)
                                .build()));
    }

    @GET
    @Path("/{id}")
    public Uni<DeadLetterDetail> get(@PathParam("id") long id) {
        return deadLetters.find(id).map(row -> {
            if (row == null) {
                throw notFound(id);
            }
            return new DeadLetterDetail(DeadLetterSummary.of(row), deadLetters.headersOf(row), row.payload);
        });
    }

    /** Sends the dead letter back to its topic for its consumer; it is processed at most once (inbox). */
    @POST
    @Path("/{id}/replay")
    public Uni<DeadLetterSummary> replay(@PathParam("id") long id) {
        return deadLetters
                .replay(id)
                .onFailure(DeadLetters.ReplayFailed.class)
                .transform(DeadLetterResource::unavailable)
                .map(row -> {
                    if (row == null) {
                        throw notFound(id);
                    }
                    return DeadLetterSummary.of(row);
                });
    }

    /** Replays every dead letter matching the filter (default: every open one), oldest first. */
    @POST
    @Path("/replay")
    public Uni<ReplayOutcome> replayAll(
            @QueryParam("consumer") String consumer,
            @QueryParam("topic") String topic,
            @QueryParam("status") String status) {
        return deadLetters
                .replayAll(filter(consumer, topic, status))
                .onFailure(DeadLetters.ReplayFailed.class)
                .transform(DeadLetterResource::unavailable)
                .map(ReplayOutcome::new);
    }

    private static DeadLetters.Filter filter(String consumer, String topic, String status) {
        DeadLetters.Status parsed =
                ParameterValues.oneOf("status", status, DeadLetters.Status::parse, "open, replayed, resolved, all");
        return new DeadLetters.Filter(
                ParameterValues.text(consumer),
                ParameterValues.text(topic),
                parsed == null ? DeadLetters.Status.OPEN : parsed);
    }

    /** 503 with the error body every service answers ({"detail", "code"}) and when to try again. */
    private static Throwable unavailable(Throwable failure) {
        return new ServiceUnavailableException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", 30)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("detail", failure.getMessage(), "code", "broker_unavailable"))
                .build());
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No dead letter " + id);
    }
}
