package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.service.ReminderContents;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * What a reminder to one debtor would carry for its template, read by notification-service's template preview of a
 * debtor ({@code {"debtor_id"}}) with the caller's own token.
 */
@Path("/pharmacies/{pharmacy_id}/debtors/{debtor_id}/reminder-content")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders")
public class ReminderContentResource {

    private static final String EXAMPLE = "{\"debtor_id\": 4711, \"acc_no\": \"300001\", \"debtor_name\":"
            + " \"MISS FJ DREYER\", \"amount_due\": 1250.40, \"buckets\": {\"d60\": 1000.00, \"d90\": 250.40,"
            + " \"d120\": 0.00, \"d150\": 0.00, \"d180\": 0.00}, \"language\": \"en\"}";

    private final PharmacyAccess access;
    private final ReminderContents contents;

    public ReminderContentResource(PharmacyAccess access, ReminderContents contents) {
        this.access = access;
        this.contents = contents;
    }

    /** The template values of one debtor (field names as in the ReminderRequested event). */
    public record ReminderContentView(
            long debtorId,
            String accNo,
            String debtorName,
            BigDecimal amountDue,
            Map<String, BigDecimal> buckets,
            String language) {}

    @GET
    @Operation(
            summary = "A debtor's reminder content: the values its reminder template would get now",
            description = "The debtor's name and account number as the current report has them, amount_due (the sum"
                    + " of ageing_buckets, default d60,d90,d120,d150,d180 as send-email) and each bucket's amount, and"
                    + " the language a reminder would be written in (the account's, else the pharmacy's default)."
                    + " Exactly what send-email would put in the reminder; nothing is checked beyond the debtor being"
                    + " one of the pharmacy's current rows (a preview renders even for an account a reminder would"
                    + " skip). notification-service's POST /pharmacies/{pharmacy_id}/templates/{channel}/preview with"
                    + " {\"debtor_id\"} reads it. 404 for a debtor that is not one of the pharmacy's current rows"
                    + " (another pharmacy's debtor included); 422 for an unknown bucket.")
    @APIResponse(
            responseCode = "200",
            description = "The debtor's reminder content",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReminderContentView.class),
                            examples = @ExampleObject(name = "arrears", value = EXAMPLE)))
    public Uni<ReminderContentView> content(
            @RestPath("pharmacy_id") long pharmacyId,
            @RestPath("debtor_id") long debtorId,
            @Parameter(description = "comma list of current, d30, d60, d90, d120, d150, d180 (default d60..d180)")
                    @RestQuery("ageing_buckets")
                    String ageingBuckets) {
        access.requireRead(pharmacyId);
        List<AgeingBucket> buckets = ageingBuckets == null
                ? AgeingBucket.ARREARS
                : RequestParameters.buckets("ageing_buckets", ageingBuckets);
        if (buckets.isEmpty()) {
            throw new UnprocessableEntityException("ageing_buckets", "name at least one bucket, or leave it out");
        }
        return contents.of(pharmacyId, debtorId, buckets)
                .map(c -> new ReminderContentView(
                        c.values().debtorId(),
                        c.values().accNo(),
                        c.values().debtorName(),
                        c.values().amountDue(),
                        c.values().buckets(),
                        c.language().code()));
    }
}
