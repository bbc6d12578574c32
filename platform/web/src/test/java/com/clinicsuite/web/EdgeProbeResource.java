package com.clinicsuite.web;

import com.clinicsuite.web.errors.ApiError;
import com.clinicsuite.web.errors.Conflict;
import com.clinicsuite.web.errors.NotAllowed;
import com.clinicsuite.web.errors.NotAuthenticated;
import com.clinicsuite.web.errors.NotFound;
import com.clinicsuite.web.errors.Rejected;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A tiny API with every kind of input the edge checks: JSON body, path, query, url-encoded and multipart form. */
@Path("/edge")
public class EdgeProbeResource {

    public record Item(String name, Map<String, String> labels) {}

    public record Body(String voucherNumber, String note, List<Item> items, Map<String, Object> extra) {}

    @POST
    @Path("/json")
    public Body json(@NotNull @Valid Body body) {
        return body;
    }

    public enum Kind {
        email,
        sms
    }

    public record Line(String name, int quantity) {}

    /** Typed fields, to see how values that do not fit them are answered. */
    public record Typed(
            BigDecimal amount,
            Integer count,
            Kind kind,
            LocalDate due,
            List<Long> ids,
            Boolean flag,
            List<Line> lines,
            Map<String, BigDecimal> buckets) {}

    @POST
    @Path("/typed")
    public Typed typed(@NotNull @Valid Typed body) {
        return body;
    }

    /** An error answer a resource builds itself, without a code. */
    @GET
    @Path("/status/{status}")
    public Response status(@RestPath int status, @RestQuery boolean empty) {
        if (empty) {
            return Response.status(status).build();
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("Answered " + status + " by the resource"))
                .build();
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ClientErrorException("Already there", 409);
    }

    /** A failure the registered {@link ProbeDependencyFailures} calls "a dependency is down", and one it does not. */
    @GET
    @Path("/failure/{kind}")
    public String failure(@RestPath String kind) {
        throw new IllegalStateException("dependency-down".equals(kind) ? ProbeDependencyFailures.DOWN : "a bug");
    }

    /** What a service throws when a rule refuses the request: domain exceptions, no JAX-RS. */
    @GET
    @Path("/domain/{kind}")
    public String domain(@RestPath String kind) {
        throw switch (kind) {
            case "not-found" -> new NotFound("Thing 7 not found");
            case "conflict" -> new Conflict("Thing 7 is already settled");
            case "conflict-coded" -> new Conflict("Thing 7 is already settled", "already_settled", "thing_id");
            case "rejected" -> new Rejected("The pharmacy has no e-mail channel configured");
            case "not-allowed" -> new NotAllowed("You can only access records of your center");
            case "not-authenticated" -> new NotAuthenticated("Unsigned webhook call", "Signature");
            default -> new IllegalArgumentException(kind);
        };
    }

    @GET
    @Path("/things/{name}")
    public String path(@RestPath String name, @RestQuery String search) {
        return name + "|" + search;
    }

    @POST
    @Path("/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String form(@RestForm String username) {
        return username;
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String upload(@RestForm("file") FileUpload file, @RestForm String mode) {
        return file.fileName() + "|" + mode;
    }
}
