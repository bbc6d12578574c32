package com.clinicsuite.debtor.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Optional bodies of the export endpoints; every field may be left out. */
public final class ExportRequests {

    private ExportRequests() {}

    /** {@code exclude_medical_aid} defaults to true, as in the list. */
    public record Csv(List<Long> debtorIds, BigDecimal minBalance, Boolean excludeMedicalAid) {}

    /**
     * {@code col_names} maps a column key (acc_no, name, current, d30..d180, balance, phone; missing_contacts:
     * overdue, last_payment, notes) to its heading. {@code layout}: {@code list} (default) or
     * {@code missing_contacts}. {@code min_balance}: arrears (60 days and older) strictly greater, as in the list.
     */
    // the PDF export's body, read in a method answering a JAX-RS Response: registered for the native image
    // (NativeReadinessContract)
    @RegisterForReflection
    public record Pdf(
            List<Long> debtorIds,
            List<String> ageingBuckets,
            Map<String, String> colNames,
            Boolean excludeMedicalAid,
            String layout,
            BigDecimal minBalance) {}
}
