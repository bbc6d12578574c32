package com.clinicsuite.imports.credit.rest;

import com.clinicsuite.imports.credit.config.CreditImportConfig;
import com.clinicsuite.imports.credit.parse.MissingColumnsException;
import com.clinicsuite.imports.credit.repository.CreditImportJob;
import com.clinicsuite.imports.credit.service.CreditImportService;
import com.clinicsuite.imports.credit.service.ImportQueueFullException;
import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException;
import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.vocabulary.Coded;
import com.clinicsuite.vocabulary.ImportMode;
import com.clinicsuite.vocabulary.StoredText;
import com.clinicsuite.web.errors.ApiError;
import com.clinicsuite.web.input.ParameterValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** POST /credit-balances/import: starts a credit-balance import job from an uploaded .xlsx, .xls or .csv. */
@Path("/credit-balances/import")
@RolesAllowed("admin")
public class CreditImportResource {

    private final CreditImportService imports;
    private final CallerIdentity caller;
    private final long maxFileSize;

    public CreditImportResource(CreditImportService imports, CallerIdentity caller, CreditImportConfig config) {
        this.imports = imports;
        this.caller = caller;
        this.maxFileSize = config.maxFileSize().asLongValue();
    }

    /** Runs on a worker thread (blocking return type): the file is opened and checked before answering. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import credit balances from a spreadsheet",
            description = "multipart `file` (.xlsx, .xls, .csv), `mode` replace (default) or upsert, `dry_run`. "
                    + "Answers 202 at once; follow the job at GET /imports/{import_id}. A file that cannot be opened, "
                    + "or whose header lacks a required column, is refused before a job is created.")
    @APIResponse(responseCode = "202", description = "job queued")
    @APIResponse(responseCode = "400", description = "no file")
    @APIResponse(responseCode = "413", description = "file too large")
    @APIResponse(responseCode = "415", description = "not an .xlsx, .xls or .csv file")
    @APIResponse(
            responseCode = "422",
            description = "corrupt or password-protected, a required column missing, or a bad mode / dry_run")
    @APIResponse(responseCode = "429", description = "too many imports waiting")
    public Response upload(
            @RestForm("file") FileUpload file, @RestForm("mode") String mode, @RestForm("dry_run") String dryRun) {
        if (file == null || file.uploadedFile() == null) {
            throw new BadRequestException("Send the spreadsheet as the multipart field 'file'");
        }
        if (file.size() > maxFileSize) {
            throw new ClientErrorException(
                    "The file is larger than the " + (maxFileSize >> 20)
                            + " MB an import accepts; split it into smaller files",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        ImportMode importMode = importMode(mode);
        CreditImportJob job = imports.submit(
                file.uploadedFile(),
                StoredText.filename(file.fileName(), "upload"),
                importMode,
                Boolean.TRUE.equals(ParameterValues.bool("dry_run", dryRun)),
                caller.username());
        return Response.accepted(new ImportAccepted(job.id, job.status)).build();
    }

    /** The mode a request names (any case); {@code replace} when it names none. */
    private static ImportMode importMode(String parameter) {
        // oneOf takes absent and blank alike: null, the default
        ImportMode mode = ParameterValues.oneOf(
                "mode",
                parameter,
                m -> Coded.find(ImportMode.class, m.toLowerCase(Locale.ROOT)),
                Coded.codes(ImportMode.class) + " (default " + ImportMode.REPLACE.code() + ")");
        return mode == null ? ImportMode.REPLACE : mode;
    }

    @ServerExceptionMapper
    Response unreadable(UnreadableSpreadsheetException e) {
        int status = switch (e.problem()) {
            case NOT_A_SPREADSHEET -> 415;
            case TOO_LARGE -> 413;
            case CORRUPT, ENCRYPTED -> 422;
        };
        return error(status, e.getMessage());
    }

    @ServerExceptionMapper
    Response missingColumns(MissingColumnsException e) {
        return error(422, e.getMessage());
    }

    @ServerExceptionMapper
    Response queueFull(ImportQueueFullException e) {
        return ApiError.of(e.getMessage())
                .answer(429)
                .header("Retry-After", "60")
                .build();
    }

    private static Response error(int status, String message) {
        return ApiError.of(message).answer(status).build();
    }
}
