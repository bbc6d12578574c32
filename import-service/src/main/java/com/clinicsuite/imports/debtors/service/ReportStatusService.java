package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.imports.debtors.repository.DebtorReportUploadRepository;
import com.clinicsuite.vocabulary.ReportStatus;
import com.clinicsuite.vocabulary.StoredText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/** Records debtor-service's answer about a report on its upload. */
@ApplicationScoped
public class ReportStatusService {

    private static final Logger LOG = Logger.getLogger(ReportStatusService.class);

    private final DebtorReportUploadRepository uploads;

    public ReportStatusService(DebtorReportUploadRepository uploads) {
        this.uploads = uploads;
    }

    /** Runs in the consumer's transaction. */
    public Uni<Void> apply(ReportProcessed event) {
        // locked: the upload watchdog may be ending it in another transaction; this one reads its outcome after it
        return uploads.findById(event.reportId(), LockModeType.PESSIMISTIC_WRITE)
                .invoke(upload -> {
                    if (upload == null) {
                        LOG.debugf("Report status for unknown upload %s ignored", event.reportId());
                        return;
                    }
                    if (upload.status != ReportStatus.PROCESSING) {
                        // ended already (the upload watchdog timed it out): a late answer changes nothing
                        LOG.infof("Late report status for upload %s (%s) ignored", upload.id, upload.status.code());
                        return;
                    }
                    boolean completed = event.status() == ReportStatus.COMPLETED;
                    upload.status = completed ? ReportStatus.COMPLETED : ReportStatus.FAILED;
                    upload.debtorReportId = event.debtorReportId();
                    upload.supersededBy = completed ? null : event.supersededBy();
                    upload.totalAccounts = event.totalAccounts();
                    upload.totalOutstanding = event.totalOutstanding();
                    upload.error = completed
                            ? null
                            : truncate(
                                    event.error() != null
                                            ? event.error()
                                            : "debtor-service could not apply the report (status "
                                                    + event.status().code() + ")");
                    upload.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    LOG.infof(
                            "Debtor report %s of pharmacy %d %s (debtor report %s)",
                            upload.id, upload.pharmacyId, upload.status.code(), upload.debtorReportId);
                })
                .replaceWithVoid();
    }

    /** {@code debtor_report_upload.error}. */
    static final int MAX_ERROR = 2000;

    static String truncate(String message) {
        return StoredText.bounded(message, MAX_ERROR);
    }
}
