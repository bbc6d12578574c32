package com.clinicsuite.imports.debtors.pdf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What reading one PDF may cost. A file over a size limit is refused as {@link ReportRejectedException.Reason#TOO_LARGE}
 * (413); one that takes too long, or whose text is shaped like no report, as {@code UNREADABLE} (422). Nothing is
 * published for a refused file.
 *
 * @param maxPages        pages (leaves of the page tree) a report may have
 * @param maxStreamBytes  bytes one compressed stream (content, font, object stream ...) may expand to
 * @param maxDecodedBytes bytes all decoded streams of the file may add up to
 * @param maxParseTime    wall time for reading the file (text and accounts, page by page)
 * @param maxLineChars    characters one line of text may have (a report line has ~140)
 * @param maxPageChars    characters of text one page may have (a report page has ~9,000)
 * @param memory          PDFBox's stream cache for the streams it creates: main memory first, then scratch files
 */
public record PdfLimits(
        int maxPages,
        long maxStreamBytes,
        long maxDecodedBytes,
        Duration maxParseTime,
        int maxLineChars,
        int maxPageChars,
        Memory memory) {

    private static final long MB = 1024 * 1024;

    /** The defaults of {@code import.debtors.*}: ten times and more what the largest real report needs. */
    public static final PdfLimits DEFAULT = new PdfLimits(
            10_000, 2 * MB, 256 * MB, Duration.ofMinutes(2), 10_000, 100_000, new Memory(16 * MB, 256 * MB, null));

    /**
     * @param maxMainMemoryBytes held in memory before PDFBox spills to scratch files
     * @param maxScratchBytes    main memory and scratch files together; more fails the read
     * @param scratchDir         where scratch files go; null for the system temp directory
     */
    public record Memory(long maxMainMemoryBytes, long maxScratchBytes, Path scratchDir) {
        public Optional<Path> scratchDirectory() {
            return Optional.ofNullable(scratchDir);
        }
    }

    /** The same limits with another parse time, for tests of slow files. */
    public PdfLimits withMaxParseTime(Duration time) {
        return new PdfLimits(maxPages, maxStreamBytes, maxDecodedBytes, time, maxLineChars, maxPageChars, memory);
    }
}
