package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.imports.debtors.repository.DebtorReportUpload;
import com.clinicsuite.imports.debtors.repository.DebtorReportUploadRepository;
import com.clinicsuite.web.errors.NotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the API reads about debtor report uploads: one upload's status, the mailbox's failures. */
@ApplicationScoped
public class UploadQueries {

    private final DebtorReportUploadRepository uploads;

    public UploadQueries(DebtorReportUploadRepository uploads) {
        this.uploads = uploads;
    }

    /**
     * The upload {@code uploadId} of {@code pharmacyId}; {@link NotFound} when there is none, or it is another
     * pharmacy's (so ids cannot be probed across pharmacies).
     */
    @WithSession
    public Uni<DebtorReportUpload> upload(long pharmacyId, String uploadId) {
        return uploads.findById(uploadId).map(upload -> {
            if (upload == null || upload.pharmacyId == null || upload.pharmacyId != pharmacyId) {
                throw new NotFound("Upload " + uploadId + " of pharmacy " + pharmacyId + " not found");
            }
            return upload;
        });
    }

    /** Mailbox reports that were not imported, newest first, at most {@code limit}. */
    @WithSession
    public Uni<List<DebtorReportUpload>> mailboxFailures(int limit) {
        return uploads.mailboxFailures(limit);
    }
}
