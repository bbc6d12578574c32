package com.clinicsuite.outbox.testapp;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.logging.Logger;

/** A request that logs and publishes an event, as a service's resource does: what the trace test follows. */
@Path("/trace-probe")
public class TraceProbeResource {

    private static final Logger LOG = Logger.getLogger(TraceProbeResource.class);

    private final NoteService notes;

    public TraceProbeResource(NoteService notes) {
        this.notes = notes;
    }

    @POST
    @Path("{key}")
    public Uni<Void> publish(@PathParam("key") String key) {
        LOG.infof("trace probe publishes a note for %s", key);
        return notes.publishOnly(key, 0, "traced");
    }
}
