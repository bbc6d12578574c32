package com.clinicsuite.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
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
