package com.clinicsuite.notification.rest;

import com.clinicsuite.notification.service.OptOutService;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.vocabulary.SaPhoneNumber;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;

/** SMS opt-outs recorded by pharmacy staff (a debtor asked by phone or at the counter). */
@Path("/pharmacies/{pharmacy_id}/opt-outs/{phone}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OptOutResource {

    /** An opted-out number of one pharmacy. */
    public record OptOutView(
            long pharmacyId,
            ReminderChannel channel,
            String phoneDigits,
            boolean optedOut,
            OffsetDateTime recordedAt) {}

    private final OptOutService optOuts;
    private final PharmacyAccess access;

    public OptOutResource(OptOutService optOuts, PharmacyAccess access) {
        this.optOuts = optOuts;
        this.access = access;
    }

    @PUT
    public Uni<OptOutView> optOut(@PathParam("pharmacy_id") long pharmacyId, @PathParam("phone") String phone) {
        access.requireWrite(pharmacyId);
        String digits = digits(phone);
        return optOuts.optOut(pharmacyId, digits, OptOutService.SOURCE_MANUAL)
                .map(o -> new OptOutView(pharmacyId, ReminderChannel.SMS, digits, true, o.recordedAt));
    }

    @DELETE
    public Uni<Void> optIn(@PathParam("pharmacy_id") long pharmacyId, @PathParam("phone") String phone) {
        access.requireWrite(pharmacyId);
        return optOuts.optIn(pharmacyId, digits(phone))
                .invoke(removed -> {
                    if (!removed) {
                        throw new NotFoundException(
                                "That number has not opted out of pharmacy " + pharmacyId + "'s SMS");
                    }
                })
                .replaceWithVoid();
    }

    private static String digits(String phone) {
        return SaPhoneNumber.parse(phone)
                .map(SaPhoneNumber::nationalDigits)
                .orElseThrow(() -> new UnprocessableEntityException(
                        "phone",
                        "must be a South African number: 0 and 9 digits (082 123 4567), +27 and 9 digits,"
                                + " or the 9 digits alone"));
    }
}
