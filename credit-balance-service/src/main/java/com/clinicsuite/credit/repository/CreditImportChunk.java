package com.clinicsuite.credit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One received chunk of an import, its rows kept as JSON until the whole import is applied. */
@Entity
@Table(name = "credit_import_chunk")
public class CreditImportChunk extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "import_id", nullable = false, length = 64)
    public String importId;

    @Column(name = "chunk_index", nullable = false)
    public int chunkIndex;

    @Column(name = "rows_json", nullable = false, columnDefinition = "text")
    public String rowsJson;
}
