package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReceivedChunkRepository implements PanacheRepository<ReceivedChunk> {

    public Uni<Boolean> isReceived(long reportId, int chunkIndex) {
        return count("reportId = ?1 and chunkIndex = ?2", reportId, chunkIndex).map(n -> n > 0);
    }

    public Uni<Long> countReceived(long reportId) {
        return count("reportId", reportId);
    }
}
