package com.clinicsuite.credit.repository;

import com.clinicsuite.vocabulary.ImportMode;
import com.clinicsuite.vocabulary.ImportStatus;
import com.clinicsuite.vocabulary.persistence.ImportModeConverter;
import com.clinicsuite.vocabulary.persistence.ImportStatusConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An import announced by import-service: staged while its chunks arrive, then applied or failed. */
@Entity
@Table(name = "credit_import")
public class CreditImport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "import_id", nullable = false, unique = true, length = 64)
    public String importId;

    @Convert(converter = ImportModeConverter.class)
    @Column(nullable = false, length = 10)
    public ImportMode mode;

    @Column(name = "requested_by", length = 100)
    public String requestedBy;

    @Column(name = "chunk_count", nullable = false)
    public int chunkCount;

    @Column(name = "total_rows", nullable = false)
    public int totalRows;

    /** {@code staged} while chunks arrive, then {@code applying}, {@code completed} or {@code failed}. */
    @Convert(converter = ImportStatusConverter.class)
    @Column(nullable = false, length = 10)
    public ImportStatus status;

    @Column(nullable = false)
    public int inserted;

    @Column(nullable = false)
    public int updated;

    @Column(nullable = false)
    public int deleted;

    @Column(length = 1000)
    public String error;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
