package com.clinicsuite.imports.credit.repository;

import com.clinicsuite.vocabulary.ImportMode;
import com.clinicsuite.vocabulary.ImportStatus;
import com.clinicsuite.vocabulary.persistence.ImportModeConverter;
import com.clinicsuite.vocabulary.persistence.ImportStatusConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A credit-balance import job: what was uploaded, how far it got, and its counts. */
@Entity
@Table(name = "credit_import_job")
public class CreditImportJob extends PanacheEntityBase {

    /** A uuid the service assigns; also the key of the job's Kafka events. */
    @Id
    @Column(length = 36)
    public String id;

    @Column(nullable = false, length = 255)
    public String filename;

    @Convert(converter = ImportModeConverter.class)
    @Column(nullable = false, length = 10)
    public ImportMode mode;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Column(name = "requested_by", length = 100)
    public String requestedBy;

    /** {@code queued}, {@code parsing}, {@code applying}, {@code completed} or {@code failed}. */
    @Convert(converter = ImportStatusConverter.class)
    @Column(nullable = false, length = 20)
    public ImportStatus status;

    @Column(name = "rows_total", nullable = false)
    public int rowsTotal;

    @Column(name = "rows_accepted", nullable = false)
    public int rowsAccepted;

    @Column(name = "rows_rejected", nullable = false)
    public int rowsRejected;

    @Column(name = "errors_omitted", nullable = false)
    public int errorsOmitted;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** Renewed while an instance works on the job (queued, parsing); see CreditImportWatchdog. */
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;
}
