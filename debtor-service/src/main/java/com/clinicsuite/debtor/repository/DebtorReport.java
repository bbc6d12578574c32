package com.clinicsuite.debtor.repository;

import com.clinicsuite.vocabulary.ReportStatus;
import com.clinicsuite.vocabulary.persistence.ReportStatusConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * One received report (reports history). Once completed, its totals are the statistics of the debtor set it
 * applied (medical-aid control accounts excluded), so statistics are one row read.
 */
@Entity
@Table(name = "debtor_report")
public class DebtorReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    /** import-service's report id (uuid): the report's identity across services. */
    @Column(name = "import_report_id", nullable = false, unique = true, length = 64)
    public String importReportId;

    @Column(length = 255)
    public String filename;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;

    @Column(name = "uploaded_by")
    public Long uploadedBy;

    /** When debtor-service received the report's first chunk: the report watchdog's clock. */
    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "report_date")
    public LocalDate reportDate;

    @Column(name = "chunk_count", nullable = false)
    public int chunkCount;

    @Column(name = "account_count", nullable = false)
    public int accountCount;

    @Convert(converter = ReportStatusConverter.class)
    @Column(nullable = false, length = 20)
    public ReportStatus status;

    @Column(name = "error_message", length = 1000)
    public String errorMessage;

    @Column(name = "total_accounts", nullable = false)
    public int totalAccounts;

    @Column(name = "total_outstanding", nullable = false, precision = 15, scale = 2)
    public BigDecimal totalOutstanding = BigDecimal.ZERO;

    @Column(name = "total_current", nullable = false, precision = 15, scale = 2)
    public BigDecimal totalCurrent = BigDecimal.ZERO;

    @Column(name = "total_d30", nullable = false, precision = 15, scale = 2)
    public BigDecimal totalD30 = BigDecimal.ZERO;

    @Column(name = "total_d60", nullable = false, precision = 15, scale = 2)
    public BigDecimal totalD60 = BigDecimal.ZERO;

    @Column(name = "total_d90", nullable = false, precision = 15, scale = 2)
    public BigDecimal totalD90 = BigDecimal.ZERO;

    @Column(name = "total_d120", nullable = false, precision = 15, scale = 2)
    public BigDecimal totalD120 = BigDecimal.ZERO;

    @Column(name = "total_d150", nullable = false, precision = 15, scale = 2)
    public BigDecimal totalD150 = BigDecimal.ZERO;

    @Column(name = "total_d180", nullable = false, precision = 15, scale = 2)
    public BigDecimal totalD180 = BigDecimal.ZERO;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** When the completed report's follow-up (snapshot, movement, promises, after-upload run) was done. */
    @Column(name = "followed_up_at")
    public OffsetDateTime followedUpAt;

    /**
     * The report that superseded this one: a newer report of the pharmacy (later report date, then later upload)
     * that was applied before this one finished. This one is kept in the history, failed, and never applied.
     */
    @Column(name = "superseded_by")
    public Long supersededBy;

    /**
     * Which report is the pharmacy's current one: the latest report date (a report without one is older than any
     * dated report), then the latest upload, then the later arrival. Completion order does not count.
     */
    public static final Comparator<DebtorReport> RECENCY = Comparator.comparing(
                    (DebtorReport r) -> r.reportDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.uploadedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.id, Comparator.nullsLast(Comparator.naturalOrder()));

    public boolean isNewerThan(DebtorReport other) {
        return RECENCY.compare(this, other) > 0;
    }

    public boolean isProcessing() {
        return status == ReportStatus.PROCESSING;
    }
}
