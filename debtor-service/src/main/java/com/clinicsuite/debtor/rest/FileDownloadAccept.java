package com.clinicsuite.debtor.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * SPA HTTP clients send {@code Accept: application/json} on every request, the file downloads included; the original
 * API answered them the file, so this one does too. Before matching, the file's type is added to the Accept header of
 * a download request, so content negotiation never answers 406 ahead of the resource: the resource checks access
 * first (403 as JSON), then answers the file. The streamed CSV cannot simply declare JSON as a second type (Quarkus
 * negotiates no type for a streamed body).
 */
public class FileDownloadAccept {

    private static final Pattern DOWNLOAD = Pattern.compile("^/pharmacies/[^/]+/debtors/download-(csv|pdf)$");
    private static final Map<String, String> TYPES = Map.of("csv", "text/csv", "pdf", "application/pdf");

    @ServerRequestFilter(preMatching = true)
    public void acceptTheFile(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        var download = DOWNLOAD.matcher(request.getUriInfo().getPath());
        if (!download.matches()) {
            return;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        String file = TYPES.get(download.group(1));
        if (accept != null && !accept.isBlank() && !accept.contains(file)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + file);
        }
    }
}
