package com.clinicsuite.debtor.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;

/**
 * What an export selects; null fields do not filter.
 *
 * @param minBalance        keep debtors whose arrears (d60..d180) are strictly greater, as the list does
 * @param ageingBuckets     keep debtors with a non-zero amount in any of these (empty: no filter)
 * @param excludeMedicalAid leave out medical-aid control accounts
 * @param debtorIds         only these debtors (null: all); bounded by the caller ({@code debtor.exports.max-debtor-ids})
 * @param withoutContacts   only debtors with neither an e-mail address nor a phone number (the missing-contacts list)
 */
// built inside the PDF export, which answers a JAX-RS Response: registered for the native image
// (NativeReadinessContract)
@RegisterForReflection
public record ExportFilter(
        BigDecimal minBalance,
        List<AgeingBucket> ageingBuckets,
        boolean excludeMedicalAid,
        List<Long> debtorIds,
        boolean withoutContacts) {

    /** Whatever the contact details. */
    public ExportFilter(
            BigDecimal minBalance, List<AgeingBucket> ageingBuckets, boolean excludeMedicalAid, List<Long> debtorIds) {
        this(minBalance, ageingBuckets, excludeMedicalAid, debtorIds, false);
    }
}
