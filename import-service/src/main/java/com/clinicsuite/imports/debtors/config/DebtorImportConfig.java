package com.clinicsuite.imports.debtors.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Debtor report (PDF) imports: {@code import.debtors.*}. */
@ConfigMapping(prefix = "import.debtors")
public interface DebtorImportConfig {

    /** Larger files are answered 413. Keep {@code quarkus.http.limits.max-body-size} above it. */
    @WithDefault("25M")
    MemorySize maxFileSize();

    /** Accounts per DebtorReportChunk event: 1,000 accounts make a message of about 350 KB. */
    @WithDefault("1000")
    int chunkAccounts();

    /** How long an upload waits for debtor-service to apply the report before answering 202. */
    @WithDefault("10s")
    Duration applyWait();

    /** Where received files are kept, named by their sha256. */
    @WithDefault("data/debtor-reports")
    Path storageDir();

    MedicalAid medicalAid();

    /** What marks a medical-aid or other control account. */
    interface MedicalAid {
        /** Scheme names and phrases, matched as whole words, any case. Defaults to the usual South African schemes. */
        java.util.Optional<List<String>> names();

        /** Account numbers of control accounts (the dispensing system's 9xxxxx range). */
        @WithDefault("9\\d{5}")
        String controlAccountPattern();
    }
}
