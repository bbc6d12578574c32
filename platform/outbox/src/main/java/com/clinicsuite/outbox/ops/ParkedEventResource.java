package com.clinicsuite.outbox.ops;

import com.clinicsuite.outbox.ParkedEvent;
import com.clinicsuite.outbox.ParkedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * This service's parked outbox rows (docs/operations.md, "Parked outbox rows"): events the relay could not send
 * after {@code outbox.relay.max-attempts} tries. List them with their error; re-queue one or all once the cause is
 * fixed. Admin only; through the gateway at {@code /services/<service>/ops/outbox/parked}.
 */
@Path("/ops/outbox/parked")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedEventResource {

    private final ParkedEvents parked;

    public ParkedEventResource(ParkedEvents parked) {
        this.parked = parked;
    }

    /** Oldest first. */
    @GET
    public Uni<Response> list(
            @QueryParam("topic") String topic, @QueryParam("skip") String skip, @QueryParam("limit") String limit) {
        String filter = topic == null || topic.isBlank() ? null : topic.trim();
        Paging paging = Paging.of(skip, limit);
        return parked.count(filter)
                .chain(total -> parked.list(filter, paging.skip(), paging.limit())
                        .map(rows ->
                                Response.ok(rows).header("X-Total-Count", total).build()));
    }

    @POST
    @Path("/{id}/requeue")
    public Uni<ParkedEvent> requeue(@PathParam("id") long id) {
        return parked.requeue(id).map(row -> {
            if (row == null) {
                throw new NotFoundException("No parked outbox event " + id);
            }
            return row;
        });
    }

    @POST
    @Path("/requeue")
    public Uni<RequeueOutcome> requeueAll(@QueryParam("topic") String topic) {
        return parked.requeueAll(topic == null || topic.isBlank() ? null : topic.trim())
                .map(RequeueOutcome::new);
    }
}
