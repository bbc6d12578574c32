package com.clinicsuite.imports.credit.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Sets POI's zip-bomb protection at start. The settings are JVM-wide statics in POI, so they live in one place:
 * an .xlsx whose parts inflate suspiciously (or beyond the entry size limit) fails to open instead of filling memory.
 */
@ApplicationScoped
public class PoiSafety {

    void onStart(@Observes StartupEvent event, CreditImportConfig config) {
        ZipSecureFile.setMinInflateRatio(config.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(config.maxEntrySize().asLongValue());
    }
}
