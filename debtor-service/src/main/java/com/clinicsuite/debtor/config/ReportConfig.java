package com.clinicsuite.debtor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Applying reports ({@code debtor.reports.*}). */
@ConfigMapping(prefix = "debtor.reports")
public interface ReportConfig {

    /**
     * How long a complete report of a pharmacy debtor-service has not heard of is retried (through the inbox's
     * backoff, holding its partition) before it fails with "Pharmacy N is unknown to debtor-service": the report can
     * overtake auth-service's {@code auth.pharmacy-upserted.v1} of a pharmacy created just before. Counted from the
     * first time this instance found the pharmacy unknown for that report.
     */
    @WithDefault("PT2M")
    Duration unknownPharmacyWait();
}
