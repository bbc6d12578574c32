package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.service.AccountStatements;
import com.clinicsuite.documents.DocumentLanguage;
import com.clinicsuite.documents.StatementPdf;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A debtor's statement of account as a PDF. */
@Path("/pharmacies/{pharmacy_id}/debtors")
@Authenticated
public class StatementResource {

    private final PharmacyAccess access;
    private final AccountStatements statements;

    public StatementResource(PharmacyAccess access, AccountStatements statements) {
        this.access = access;
        this.statements = statements;
    }

    /**
     * {@code language}: {@code en} or {@code af}; without it the account's language (English until accounts have
     * one, see {@link AccountStatements#language}).
     */
    @GET
    @Path("/{debtor_id}/statement")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Uni<Response> statement(
            @RestPath("pharmacy_id") long pharmacyId,
            @RestPath("debtor_id") long debtorId,
            @RestQuery("language") String language) {
        access.requireRead(pharmacyId);
        if (language != null && !DocumentLanguage.isKnown(language.strip())) {
            throw new UnprocessableEntityException("language", "must be en or af");
        }
        return statements
                .statement(pharmacyId, debtorId, language == null ? null : language.strip())
                // rendering is CPU work: keep it off the event loop
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(statement -> Response.ok(StatementPdf.render(statement), "application/pdf")
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + statement.fileName())
                        .build());
    }
}
