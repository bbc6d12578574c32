package com.clinicsuite.auth.rest.dto;

import com.clinicsuite.auth.repository.PharmacyAccessGrant;

public record PharmacyAccessView(long pharmacyId, String pharmacyName, boolean canRead, boolean canWrite) {

    public static PharmacyAccessView of(PharmacyAccessGrant grant) {
        return new PharmacyAccessView(grant.pharmacy.id, grant.pharmacy.name, grant.canRead, grant.canWrite);
    }
}
