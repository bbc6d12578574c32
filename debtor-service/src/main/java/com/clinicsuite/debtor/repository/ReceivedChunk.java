package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A chunk of a report that has arrived; its accounts wait in staged_account until every chunk is here. */
@Entity
@Table(name = "debtor_report_chunk")
public class ReceivedChunk extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id", nullable = false)
    public long reportId;

    @Column(name = "chunk_index", nullable = false)
    public int chunkIndex;

    @Column(name = "account_count", nullable = false)
    public int accountCount;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
