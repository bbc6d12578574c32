package com.clinicsuite.imports.debtors.repository;

import com.clinicsuite.vocabulary.ReportSource;
import com.clinicsuite.vocabulary.ReportStatus;
import com.clinicsuite.vocabulary.persistence.ReportSourceConverter;
import com.clinicsuite.vocabulary.persistence.ReportStatusConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A received debtor report and what became of it. The id is a uuid chosen here, because it travels as the
 * {@code report_id} of the report's events before any database assigns anything.
 */
@Entity
@Table(name = "debtor_report_upload")
public class DebtorReportUpload extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    /** Null only for a mailbox message that maps to no pharmacy. */
    @Column(name = "pharmacy_id")
    public Long pharmacyId;

    @Column(nullable = false)
    public String filename;

    /** Null when the file was refused before it was stored. */
    @Column(length = 64)
    public String sha256;

    @Convert(converter = ReportSourceConverter.class)
    @Column(nullable = false, length = 10)
    public ReportSource source;

    @Convert(converter = ReportStatusConverter.class)
    @Column(nullable = false, length = 20)
    public ReportStatus status;

    @Column(name = "uploaded_by")
    public Long uploadedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "account_count")
    public Integer accountCount;

    @Column(name = "parsed_balance", precision = 15, scale = 2)
    public BigDecimal parsedBalance;

    @Column(name = "debtor_report_id")
    public Long debtorReportId;

    /**
     * The upload (import id) of the newer report that made debtor-service keep this one in the history without
     * applying it ({@code ReportProcessed.superseded_by}); null otherwise.
     */
    @Column(name = "superseded_by", length = 64)
    public String supersededBy;

    @Column(name = "total_accounts")
    public Integer totalAccounts;

    @Column(name = "total_outstanding", precision = 15, scale = 2)
    public BigDecimal totalOutstanding;

    @Column(length = 2000)
    public String error;

    @Column(name = "mail_message_id", length = 500)
    public String mailMessageId;

    @Column(name = "mail_sender", length = 320)
    public String mailSender;

    /** A mailbox failure whose message was moved to the quarantine folder, not the processed one. */
    @Column(name = "mail_quarantined", nullable = false)
    public boolean mailQuarantined;
}
