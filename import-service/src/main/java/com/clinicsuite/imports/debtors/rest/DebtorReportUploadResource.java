package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.imports.debtors.config.DebtorImportConfig;
import com.clinicsuite.imports.debtors.pdf.ColumnMap;
import com.clinicsuite.imports.debtors.service.DebtorReportImportService;
import com.clinicsuite.imports.debtors.service.ImportOutcome;
import com.clinicsuite.imports.debtors.service.ImportRequest;
import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.web.errors.ApiError;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** POST /pharmacies/{pharmacy_id}/debtors/upload: a debtors age-analysis PDF replaces the pharmacy's debtors. */
@Path("/pharmacies/{pharmacy_id}/debtors/upload")
@Authenticated
public class DebtorReportUploadResource {

    static final String COLUMN_MAP_EXAMPLE = "{\"Account\": \"acc_no\", \"Patient\": \"name\", \"Now\": "
            + "\"current\", \"1 Month\": \"d30\", \"2 Months\": \"d60\", \"3 Months+\": \"d90\", "
            + "\"Owing\": \"balance\"}";

    private final DebtorReportImportService imports;
    private final PharmacyAccess access;
    private final CallerIdentity caller;
    private final DebtorImportConfig config;
    private final ObjectMapper mapper;

    public DebtorReportUploadResource(
            DebtorReportImportService imports,
            PharmacyAccess access,
            CallerIdentity caller,
            DebtorImportConfig config,
            ObjectMapper mapper) {
        this.imports = imports;
        this.access = access;
        this.caller = caller;
        this.config = config;
        this.mapper = mapper;
    }

    /** Blocking (worker thread): the PDF is parsed and the answer of debtor-service awaited here. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Upload a debtors age analysis (PDF, .xlsx, .xls or .csv)",
            description = "multipart `file`: the age analysis as PDF (DEB013 or another system's layout) or as a "
                    + "spreadsheet (.xlsx, .xls, .csv; told apart by content). Columns are recognised by their "
                    + "headings and positions (docs/parser-design.md). The report is checked against its own totals, then replaces ALL "
                    + "debtors of the pharmacy. Answers once debtor-service applied it; past the configured wait "
                    + "(import.debtors.apply-wait), 202 with status processing. Uploading the pharmacy's latest "
                    + "applied file again answers that report's result without replacing anything. Optional "
                    + "multipart `column_map`: a JSON object heading -> field for headings the vocabulary does not "
                    + "know, e.g. " + COLUMN_MAP_EXAMPLE + "; consulted before the vocabulary, saved for the "
                    + "pharmacy once the report reconciles with it, and used for the pharmacy's next uploads (and "
                    + "mailbox reports) that send none. A map that does not reconcile is not saved.")
    @APIResponse(
            responseCode = "200",
            description = "applied: report_id, total_accounts, total_outstanding, first 10 debtors")
    @APIResponse(
            responseCode = "202",
            description = "handed over, not applied yet: upload_id, status processing; Location is"
                    + " GET /pharmacies/{pharmacy_id}/debtors/uploads/{upload_id}, to poll")
    @APIResponse(responseCode = "400", description = "no file")
    @APIResponse(responseCode = "403", description = "no write access to the pharmacy")
    @APIResponse(responseCode = "404", description = "pharmacy not found")
    @APIResponse(
            responseCode = "413",
            description = "file too large, too many pages, or compressed content that expands too far")
    @APIResponse(
            responseCode = "409",
            description = "code report_superseded: debtor-service kept the report in the history without applying"
                    + " it, because a newer report of the pharmacy (later report date, or the same date uploaded later)"
                    + " is current; the detail names that report's upload id. The debtors did not change")
    @APIResponse(responseCode = "415", description = "neither a PDF nor a spreadsheet")
    @APIResponse(
            responseCode = "422",
            description =
                    "damaged, encrypted, scanned, too slow to read, no accounts, an account with a value too long, "
                            + "totals that do not add up (the message then names the column headings recognised and "
                            + "the field each was mapped to, from which a column_map can be written), a column_map "
                            + "that is not a JSON object of heading -> known field or that maps a heading the "
                            + "vocabulary reads as an amount column (60 Days) to another (code validation_failed, "
                            + "errors[].field column_map), or refused by debtor-service")
    @APIResponse(
            responseCode = "503",
            description = "code dependency_unavailable: the database or the broker is down; nothing was stored."
                    + " Retry-After says when to send the same upload again")
    public Response upload(
            @RestPath("pharmacy_id") long pharmacyId,
            @RestForm("file") FileUpload file,
            @Parameter(
                            description = "optional JSON object: column heading as printed -> field; fields: "
                                    + "acc_no, name, current, d30, d60, d90, d120, d150, d180, balance, phone, "
                                    + "cell, email. A heading the vocabulary reads as an amount column (60 Days, "
                                    + "Curr, Total) may only be mapped to that column. Saved for the pharmacy once "
                                    + "the report reconciles with it (GET/DELETE /pharmacies/{pharmacy_id}/debtors/"
                                    + "column-map); later uploads without one use the saved map",
                            example = COLUMN_MAP_EXAMPLE)
                    @RestForm("column_map")
                    String columnMap) {
        access.requireWrite(pharmacyId);
        ColumnMap map = columnMap(columnMap);
        if (file == null || file.uploadedFile() == null) {
            throw new BadRequestException("Send the report as the multipart field 'file'");
        }
        long maxSize = config.maxFileSize().asLongValue();
        if (file.size() > maxSize) {
            throw new ClientErrorException(
                    "The file is larger than the " + (maxSize >> 20) + " MB a report may be",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        ImportRequest request = ImportRequest.upload(
                pharmacyId, file.fileName(), read(file), caller.userId().orElse(null), caller.username());
        ImportOutcome outcome = imports.importReport(request, config.applyWait(), map);
        if (outcome instanceof ImportOutcome.Applied applied) {
            return Response.ok(new UploadApplied(
                            applied.debtorReportId(),
                            applied.totalAccounts(),
                            applied.totalOutstanding(),
                            applied.firstAccounts().stream()
                                    .map(DebtorPreview::of)
                                    .toList()))
                    .build();
        }
        if (outcome instanceof ImportOutcome.Processing processing) {
            return Response.accepted(UploadProcessing.of(processing.uploadId()))
                    .location(URI.create(UploadStatusResource.location(pharmacyId, processing.uploadId())))
                    .build();
        }
        return refusal((ImportOutcome.Refused) outcome);
    }

    /** The form field {@code column_map}, or null when it is absent or blank. */
    private ColumnMap columnMap(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        Map<String, String> headings;
        try {
            headings = mapper.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new UnprocessableEntityException(
                    "column_map",
                    "not a JSON object of heading -> field, e.g. " + COLUMN_MAP_EXAMPLE + "; allowed fields: "
                            + ColumnMap.Field.allowed());
        }
        if (headings == null || headings.isEmpty()) {
            throw new UnprocessableEntityException(
                    "column_map", "map at least one heading, e.g. " + COLUMN_MAP_EXAMPLE);
        }
        try {
            return ColumnMap.of(headings);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEntityException("column_map", e.getMessage());
        }
    }

    /** The stable code of a report that a newer report of the pharmacy superseded (409). */
    static final String REPORT_SUPERSEDED = "report_superseded";

    private static Response refusal(ImportOutcome.Refused refused) {
        if (refused.problem() == ImportOutcome.Problem.SUPERSEDED) {
            return Response.status(Response.Status.CONFLICT)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(refused.message(), REPORT_SUPERSEDED))
                    .build();
        }
        int status = switch (refused.problem()) {
            case UNKNOWN_PHARMACY -> throw new NotFoundException(refused.message());
            case NOT_A_PDF -> 415;
            case TOO_LARGE -> 413;
            case UNREADABLE, INVALID_CONTENT, NOT_APPLIED, SUPERSEDED -> 422;
        };
        return ApiError.of(refused.message()).answer(status).build();
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
