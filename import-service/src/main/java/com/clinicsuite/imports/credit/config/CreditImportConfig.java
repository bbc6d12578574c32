package com.clinicsuite.imports.credit.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Limits and tuning of credit-balance spreadsheet imports ({@code credit-import.*}). */
@ConfigMapping(prefix = "credit-import")
public interface CreditImportConfig {

    /** Larger uploads are answered 413. Keep {@code quarkus.http.limits.max-body-size} above it. */
    @WithDefault("25M")
    MemorySize maxFileSize();

    /** Files with more data rows are refused (the validated rows of a job are held in memory). */
    @WithDefault("200000")
    int maxRows();

    /** Row issues stored per job; the rest are counted in the job's errors_omitted. */
    @WithDefault("1000")
    int maxReportedErrors();

    /** Rows per CreditRowsChunk event. */
    @WithDefault("1000")
    int chunkRows();

    /**
     * A chunk's JSON is never larger: it is cut earlier when its rows' texts are long. Below the brokers' default
     * message size (1 MB: the local and test brokers, every dead-letter topic) with room for the record's headers.
     */
    @WithDefault("900K")
    MemorySize maxChunkBytes();

    /** Imports parsed at the same time; the rest wait in the queue. */
    @WithDefault("1")
    int workers();

    /** Imports that may wait for a worker; beyond that an upload is answered 429. */
    @WithDefault("20")
    int queueCapacity();

    /** Where uploads wait for their worker; the system temp directory when unset. */
    Optional<Path> stagingDir();

    /** POI's zip-bomb guard: an entry that inflates to more than 1/ratio times its compressed size is refused. */
    @WithDefault("0.01")
    double minInflateRatio();

    /** POI's zip-bomb guard: the largest an entry of an .xlsx may inflate to. */
    @WithDefault("512M")
    MemorySize maxEntrySize();

    /** Columns read per row; cells further right (a stray value in column XFD) are ignored. */
    @WithDefault("256")
    int maxColumns();

    /**
     * Estimated memory of an .xlsx's shared strings table, held while the file is read (2 bytes a character plus 48 a
     * string; a 100,000-row workbook needs about 25 MB); a larger table answers 413.
     */
    @WithDefault("64M")
    MemorySize maxSharedStringsSize();
}
