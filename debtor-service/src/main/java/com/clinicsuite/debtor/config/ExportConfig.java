package com.clinicsuite.debtor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of the CSV and PDF exports ({@code debtor.exports.*}). */
@ConfigMapping(prefix = "debtor.exports")
public interface ExportConfig {

    /** Most {@code debtor_ids} one export may name (422 beyond). */
    @WithDefault("10000")
    int maxDebtorIds();

    /** Most debtors one PDF may list (422 beyond: select fewer, or take the CSV, which has no limit). */
    @WithDefault("10000")
    int pdfMaxRows();

    /** Rows read per query while an export streams: what the service holds of an export at a time. */
    @WithDefault("1000")
    int pageSize();
}
