package com.clinicsuite.credit.rest;

import com.clinicsuite.credit.service.ApiCall;
import com.clinicsuite.credit.service.ApiLogQueue;
import com.clinicsuite.credit.service.VoucherSearchAudit;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Logs every authenticated call without slowing it: the response filter only enqueues; ApiLogWriter writes the
 * queue in batches. Unauthenticated calls (401) are not logged: there is no user to attribute them to. Each field is
 * normalised and cut to its column by {@link ApiCall} itself.
 */
public class ApiLogRecorder {

    private static final String STARTED_NANOS = ApiLogRecorder.class.getName() + ".nanos";
    private static final String STARTED_AT = ApiLogRecorder.class.getName() + ".at";

    private final ApiLogQueue queue;
    private final VoucherSearchAudit voucherSearch;
    private final CurrentIdentityAssociation identity;

    public ApiLogRecorder(ApiLogQueue queue, VoucherSearchAudit voucherSearch, CurrentIdentityAssociation identity) {
        this.queue = queue;
        this.voucherSearch = voucherSearch;
        this.identity = identity;
    }

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED_NANOS, System.nanoTime());
        request.setProperty(STARTED_AT, Instant.now());
    }

    @ServerResponseFilter
    public Uni<Void> record(
            ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        Object started = request.getProperty(STARTED_NANOS);
        if (!(started instanceof Long nanos)) {
            return Uni.createFrom().voidItem();
        }
        int durationMs = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
        // everything request-scoped is read now; only the identity may arrive later
        String method = request.getMethod();
        String endpoint = "/" + stripLeadingSlash(request.getUriInfo().getPath());
        int status = response.getStatus();
        String voucher = voucherSearch.voucherNumber();
        Integer matches = voucherSearch.matches();
        String clientIp = address(http.remoteAddress());
        Instant at = (Instant) request.getProperty(STARTED_AT);
        // resolved already for every secured endpoint; a failed authentication simply means "not logged"
        return identity.getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .invoke(caller -> {
                    if (caller != null && !caller.isAnonymous()) {
                        queue.add(new ApiCall(
                                userName(caller),
                                method,
                                endpoint,
                                status,
                                voucher,
                                matches,
                                clientIp,
                                durationMs,
                                at));
                    }
                })
                .replaceWithVoid();
    }

    private static String userName(SecurityIdentity caller) {
        return caller.getPrincipal().getName();
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String address(SocketAddress address) {
        return address == null ? null : address.hostAddress();
    }
}
