package com.clinicsuite.debtor.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The export endpoints take an optional JSON body. Clients posting nothing send no Content-Type, or whatever their
 * HTTP library defaults to (form-urlencoded, text/plain). The contract is JSON in and out, so a request without a
 * Content-Type, or without a body, is read as JSON instead of answering 415.
 */
public class DefaultJsonContentType {

    @ServerRequestFilter(preMatching = true)
    public void assumeJson(ContainerRequestContext request) {
        boolean noContentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null;
        boolean noBody = request.getLength() <= 0 && request.getHeaderString("Transfer-Encoding") == null;
        if (noContentType || noBody) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
