package com.clinicsuite.imports.debtors.pdf;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Bounds how many bytes PDFBox may decode while this thread reads one PDF: per stream and for the whole file.
 *
 * <p>Why this way: PDFBox 3 decodes every filtered stream it touches (page content, form XObjects, fonts, ToUnicode
 * maps, object streams, cross-reference streams) whole into a memory buffer before anything reads it, whatever
 * stream cache the document was opened with, and has no limit of its own. A few kilobytes of FlateDecode (or LZW,
 * or two FlateDecodes in a row) expand to gigabytes, so one upload could exhaust the heap. The only place every
 * decode passes through is the filter PDFBox takes from {@link FilterFactory}; its filters are therefore wrapped,
 * once per JVM, by {@link BoundedFilter}, which counts what the real filter writes against the budget of the
 * current thread. Threads without a budget (none in this service) decode unbounded, exactly as before.
 *
 * <p>The wrapping reaches into FilterFactory's private map: if a PDFBox upgrade changes it, {@link #open} fails
 * every read loudly (and {@code HostilePdfTest}'s bombs fail) rather than silently reading without the bound.
 */
final class DecodeBudget implements AutoCloseable {

    private static final ThreadLocal<DecodeBudget> CURRENT = new ThreadLocal<>();
    private static volatile boolean installed;

    private final long maxStreamBytes;
    private final long maxTotalBytes;
    private long totalBytes;
    private PdfLimitExceeded exceeded;

    private DecodeBudget(long maxStreamBytes, long maxTotalBytes) {
        this.maxStreamBytes = maxStreamBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** Starts counting for this thread until {@link #close()}. */
    static DecodeBudget open(long maxStreamBytes, long maxTotalBytes) {
        install();
        DecodeBudget budget = new DecodeBudget(maxStreamBytes, maxTotalBytes);
        CURRENT.set(budget);
        return budget;
    }

    /** The limit this read went over, even if PDFBox caught the exception that said so; null if none. */
    PdfLimitExceeded exceeded() {
        return exceeded;
    }

    long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() {
        CURRENT.remove();
    }

    private void add(long bytes, long streamBytes) {
        totalBytes += bytes;
        if (streamBytes > maxStreamBytes) {
            throw exceed("The PDF holds a compressed part that expands to more than " + megabytes(maxStreamBytes)
                    + " (a debtors age analysis needs a small fraction of that), so it was not read. Export the "
                    + "report again from the dispensing system and upload that file.");
        }
        if (totalBytes > maxTotalBytes) {
            throw exceed("The PDF's compressed content expands to more than " + megabytes(maxTotalBytes)
                    + ", far more than a debtors age analysis, so it was not read. Export the report again from "
                    + "the dispensing system and upload that file.");
        }
    }

    private PdfLimitExceeded exceed(String message) {
        if (exceeded == null) {
            exceeded = new PdfLimitExceeded(ReportRejectedException.Reason.TOO_LARGE, message);
        }
        return exceeded;
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }

    /** Wraps PDFBox's filters once per JVM; idempotent. */
    @SuppressWarnings("unchecked")
    static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Field field = FilterFactory.class.getDeclaredField("filters");
            field.setAccessible(true);
            Map<COSName, Filter> filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
            if (filters.isEmpty()) {
                throw new IllegalStateException("PDFBox's FilterFactory holds no filters");
            }
            // values replaced in place: the map's structure does not change, and nothing decodes before this runs
            filters.replaceAll((name, filter) -> filter instanceof BoundedFilter ? filter : new BoundedFilter(filter));
            installed = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot bound PDFBox's stream decoding (FilterFactory changed?); refusing to read PDFs without it",
                    e);
        }
    }

    /** One of PDFBox's filters, whose output counts against the current thread's budget. */
    static final class BoundedFilter extends Filter {

        private final Filter delegate;

        BoundedFilter(Filter delegate) {
            this.delegate = delegate;
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
                throws IOException {
            return delegate.decode(encoded, bounded(decoded), parameters, index);
        }

        @Override
        public DecodeResult decode(
                InputStream encoded, OutputStream decoded, COSDictionary parameters, int index, DecodeOptions options)
                throws IOException {
            return delegate.decode(encoded, bounded(decoded), parameters, index, options);
        }

        @Override
        protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
            delegate.encode(input, encoded, parameters, 0);
        }

        private static OutputStream bounded(OutputStream decoded) {
            DecodeBudget budget = CURRENT.get();
            return budget == null ? decoded : new CountingStream(decoded, budget);
        }
    }

    /** Counts one stream's decoded bytes; the budget throws once a limit is passed. */
    private static final class CountingStream extends FilterOutputStream {

        private final DecodeBudget budget;
        private long written;

        CountingStream(OutputStream out, DecodeBudget budget) {
            super(out);
            this.budget = budget;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int bytes) {
            written += bytes;
            budget.add(bytes, written);
        }
    }
}
