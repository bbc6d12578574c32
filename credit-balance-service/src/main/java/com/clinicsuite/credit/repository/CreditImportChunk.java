package com.clinicsuite.credit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Records that chunk {@code chunkIndex} of an import was staged (its rows are in {@link CreditImportRow}), so a
 * chunk sent again under a new event id is recognised and the import is applied once all chunks are in.
 */
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
}
