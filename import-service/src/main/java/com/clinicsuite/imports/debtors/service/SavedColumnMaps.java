package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.imports.debtors.repository.PharmacyColumnMap;
import com.clinicsuite.imports.debtors.repository.PharmacyColumnMapRepository;
import com.clinicsuite.web.errors.NotFound;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pharmacy's saved column map (issue 24 point 4) as the API shows and removes it: the map an upload saved once the
 * report reconciled with it. Without one, uploads are read by the heading vocabulary alone. For a pharmacy
 * auth-service announced ({@link NotFound} otherwise). Each method is one session or transaction.
 */
@ApplicationScoped
public class SavedColumnMaps {

    /** The {@code code} of the 404 for a pharmacy without a saved map (the pharmacy itself exists). */
    public static final String NO_SAVED_MAP = "column_map_not_found";

    private final PharmacyColumnMapRepository maps;
    private final PharmacyDirectory pharmacies;
    private final ObjectMapper mapper;

    public SavedColumnMaps(PharmacyColumnMapRepository maps, PharmacyDirectory pharmacies, ObjectMapper mapper) {
        this.maps = maps;
        this.pharmacies = pharmacies;
        this.mapper = mapper;
    }

    /**
     * A saved map: heading (as saved: upper case, single spaces) -> field, and who saved it when.
     *
     * @param updatedBy the user id of the uploader whose upload saved it
     */
    public record Saved(long pharmacyId, Map<String, String> mapping, OffsetDateTime updatedAt, Long updatedBy) {}

    /** The pharmacy's saved map; {@link NotFound} with code {@value #NO_SAVED_MAP} when it has none. */
    @WithSession
    public Uni<Saved> find(long pharmacyId) {
        return requirePharmacy(pharmacyId)
                .chain(() -> maps.findById(pharmacyId))
                .map(saved -> {
                    if (saved == null) {
                        throw new NotFound(
                                "Pharmacy " + pharmacyId + " has no saved column map: uploads are read by the heading "
                                        + "vocabulary alone. An upload with a column_map that reconciles saves one.",
                                NO_SAVED_MAP,
                                null);
                    }
                    return new Saved(pharmacyId, mapping(saved), saved.updatedAt, saved.updatedBy);
                });
    }

    /** Removes the pharmacy's saved map (nothing when it had none): its next upload is read by the vocabulary. */
    @WithTransaction
    public Uni<Void> delete(long pharmacyId) {
        return requirePharmacy(pharmacyId)
                .chain(() -> maps.deleteById(pharmacyId))
                .replaceWithVoid();
    }

    private Map<String, String> mapping(PharmacyColumnMap saved) {
        try {
            return mapper.readValue(saved.mapping, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            // only checked maps are saved; one edited by hand into something else is shown as nothing
            return Map.of();
        }
    }

    private Uni<Void> requirePharmacy(long pharmacyId) {
        return pharmacies
                .exists(pharmacyId)
                .invoke(exists -> {
                    if (!exists) {
                        throw new NotFound("Pharmacy " + pharmacyId + " not found");
                    }
                })
                .replaceWithVoid();
    }
}
