package com.clinicsuite.notification.service;

import com.clinicsuite.notification.client.DebtorReminderContentApi;
import com.clinicsuite.notification.client.DebtorReminderContentApi.DebtorReminderContent;
import com.clinicsuite.notification.client.HttpFailures;
import com.clinicsuite.notification.client.ReminderLanguage;
import com.clinicsuite.web.errors.NotAllowed;
import com.clinicsuite.web.errors.NotFound;
import com.clinicsuite.web.errors.Unavailable;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * A debtor's current data for a template preview ({@code {"debtor_id"}}), from debtor-service, which owns debtors:
 * asked with the caller's own bearer token (the preview needs the read grant that debtor-service asks for; no
 * service credential to keep), and turned into the {@link ReminderContent} a reminder of that debtor would be
 * rendered from ({@code ReminderRequested}'s fields, which debtor-service works out in one place for both).
 *
 * <p>debtor-service's answers carry over: 404 (not one of the pharmacy's current debtors, another pharmacy's
 * included), 403, 422 (an unknown ageing bucket). When it cannot answer (away, slow, 5xx) the preview is 503
 * {@code service_unavailable}: there is nothing to render, and a sample debtor still works.
 */
@ApplicationScoped
public class DebtorReminderContents {

    private static final Logger LOG = Logger.getLogger(DebtorReminderContents.class);

    private final DebtorReminderContentApi debtorService;

    public DebtorReminderContents(@RestClient DebtorReminderContentApi debtorService) {
        this.debtorService = debtorService;
    }

    /**
     * @param ageingBuckets the buckets the amount due adds up (null: debtor-service's default, d60..d180)
     * @param language the preview's language, or null for the one a reminder to that debtor would be written in
     */
    public Uni<ReminderContent> of(
            long pharmacyId, long debtorId, List<String> ageingBuckets, ReminderLanguage language, String bearerToken) {
        String buckets = ageingBuckets == null ? null : String.join(",", ageingBuckets);
        return debtorService
                .content(pharmacyId, debtorId, buckets, "Bearer " + bearerToken)
                .map(answer -> content(answer, language))
                .onFailure()
                .transform(failure -> translate(failure, pharmacyId, debtorId));
    }

    private static ReminderContent content(DebtorReminderContent answer, ReminderLanguage language) {
        ReminderLanguage written = language != null
                ? language
                : ReminderLanguage.fromCode(answer.language()).orElse(ReminderLanguage.EN);
        return new ReminderContent(
                answer.debtorName(),
                answer.accNo(),
                answer.amountDue(),
                answer.buckets(),
                null,
                null,
                null,
                written,
                null);
    }

    private static Throwable translate(Throwable failure, long pharmacyId, long debtorId) {
        int status = HttpFailures.status(failure).orElse(0);
        switch (status) {
            case 404 -> {
                return new NotFound(
                        "Debtor " + debtorId + " is not one of pharmacy " + pharmacyId + "'s current debtors");
            }
            case 403 -> {
                return new NotAllowed("You have no read access to pharmacy " + pharmacyId);
            }
            case 422 -> {
                return new UnprocessableEntityException(
                        "ageing_buckets", "unknown ageing bucket (use current, d30, d60, d90, d120, d150, d180)");
            }
            default -> {
                // 401 (a token debtor-service no longer accepts), 5xx, no answer: it cannot answer for this caller now
            }
        }
        LOG.infof(
                "debtor-service did not give debtor %d of pharmacy %d for a preview (%s)",
                debtorId, pharmacyId, failure.getClass().getSimpleName());
        return new Unavailable(
                "debtor-service cannot give the debtor's data now: try again, or preview with a sample debtor");
    }
}
