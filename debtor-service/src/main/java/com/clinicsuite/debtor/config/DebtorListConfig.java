package com.clinicsuite.debtor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The debtor list's read plan ({@code debtor.list.*}). */
@ConfigMapping(prefix = "debtor.list")
public interface DebtorListConfig {

    /**
     * A search the trigram index serves with at most this many matches keeps its matches' ids in list order (8 bytes
     * each, cache {@code debtor-search-matches}): its pages are then read by id, whatever the page. More matches: each
     * page is read on its own (DebtorRepository#page).
     */
    @WithDefault("5000")
    int searchMatchesKept();
}
