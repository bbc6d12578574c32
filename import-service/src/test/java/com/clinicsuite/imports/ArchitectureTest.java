package com.clinicsuite.imports;

import com.clinicsuite.testkit.LayeredArchitectureContract;
import java.util.Map;

class ArchitectureTest extends LayeredArchitectureContract {

    /**
     * The readers of what is imported ({@code pdf}: DEB013 and age-analysis reports, {@code sheet} and {@code parse}:
     * credit workbooks) are service code without state; {@code mailbox} is an inbound adapter like a Kafka consumer:
     * it polls IMAP and hands each report to the import service.
     */
    @Override
    protected Map<String, Role> packageRoles() {
        return Map.of("pdf", Role.SERVICE, "sheet", Role.SERVICE, "parse", Role.SERVICE, "mailbox", Role.EVENTS);
    }
}
