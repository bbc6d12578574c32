package com.clinicsuite.auth.rest.dto;

import com.clinicsuite.auth.repository.Pharmacy;
import java.time.OffsetDateTime;

public record PharmacyView(
        long id, String name, String code, boolean isActive, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static PharmacyView of(Pharmacy p) {
        return new PharmacyView(p.id, p.name, p.code, p.active, p.createdAt, p.updatedAt);
    }
}
