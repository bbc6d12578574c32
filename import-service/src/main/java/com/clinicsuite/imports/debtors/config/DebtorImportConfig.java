package com.clinicsuite.imports.debtors.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Debtor report (PDF) imports: {@code import.debtors.*}. */
@ConfigMapping(prefix = "import.debtors")
public interface DebtorImportConfig {

    /** Larger files are answered 413. Keep {@code quarkus.http.limits.max-body-size} above it. */
    @WithDefault("25M")
    MemorySize maxFileSize();

    /** Accounts per DebtorReportChunk event: 1,000 accounts make a message of about 350 KB. */
    @WithDefault("1000")
    int chunkAccounts();

    /**
     * A chunk's JSON is never larger: it is cut earlier when its accounts' texts are long. Below the brokers' default
     * message size (1 MB: the local and test brokers, every dead-letter topic) with room for the record's headers.
     */
    @WithDefault("900K")
    MemorySize maxChunkBytes();

    /** Pages (leaves of the page tree) a report may have; more answer 413. */
    @WithDefault("10000")
    int maxPages();

    /**
     * What one compressed stream of the PDF (page content, font, object stream ...) may expand to; more answer 413. A
     * report's largest is ~30 KB; a decoded stream is held in memory, and the operands of a page's content with it.
     */
    @WithDefault("2M")
    MemorySize maxStreamSize();

    /** What all compressed streams of the PDF may expand to together (a 25 MB report: ~150 MB); more answer 413. */
    @WithDefault("256M")
    MemorySize maxDecodedSize();

    /** Wall time reading one PDF may take (a 20,000-account report: 2 s, 26 s on a very busy machine); 422 after. */
    @WithDefault("2m")
    Duration maxParseTime();

    /**
     * Characters one line of text may have (report lines have ~140); more answer 422. Above the longest account line
     * the field limits allow, so such a line is refused naming its account.
     */
    @WithDefault("10000")
    int maxLineChars();

    /** Characters of text one page may have (report pages have ~9,000); more answer 422. */
    @WithDefault("100000")
    int maxPageChars();

    /** PDFBox's stream cache: what it keeps in memory, then in scratch files. */
    PdfMemory pdfMemory();

    interface PdfMemory {
        /** Kept in main memory before spilling to scratch files. */
        @WithDefault("16M")
        MemorySize maxMainMemory();

        /** Main memory and scratch files together, per file read. */
        @WithDefault("256M")
        MemorySize maxScratchSize();

        /** Where scratch files go; the system temp directory when unset. */
        Optional<Path> scratchDir();
    }

    /** How long an upload waits for debtor-service to apply the report before answering 202. */
    @WithDefault("10s")
    Duration applyWait();

    /**
     * Once woken by an answer whose status the database does not hold yet (this instance's waker read it before the
     * report-status consumer, here or on another replica, committed it), the waiting upload reads the status again
     * this often until it is final or {@link #applyWait()} has passed.
     */
    @WithDefault("100ms")
    Duration applyWaitRecheck();

    /** Where received files are kept, named by their sha256. */
    @WithDefault("data/debtor-reports")
    Path storageDir();

    MedicalAid medicalAid();

    /** What marks a medical-aid or other control account. */
    interface MedicalAid {
        /** Scheme names and phrases, matched as whole words, any case. Defaults to the usual South African schemes. */
        Optional<List<String>> names();

        /**
         * Regular expressions a control account's whole name matches (any case); {@code {scheme}} stands for any
         * of {@link #names()}. Defaults: {@code M/A <anything>} and {@code <SCHEME> - <option>}
         * (MedicalAidControlDetector.DEFAULT_NAME_PATTERNS).
         */
        Optional<List<String>> namePatterns();

        /** Account numbers of control accounts (the dispensing system's 9xxxxx range). */
        @WithDefault("9\\d{5}")
        String controlAccountPattern();
    }
}
