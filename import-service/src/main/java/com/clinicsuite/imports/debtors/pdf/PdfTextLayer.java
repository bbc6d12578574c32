package com.clinicsuite.imports.debtors.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.MoveText;
import org.apache.pdfbox.contentstream.operator.text.MoveTextSetLeading;
import org.apache.pdfbox.contentstream.operator.text.NextLine;
import org.apache.pdfbox.contentstream.operator.text.SetCharSpacing;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.SetTextHorizontalScaling;
import org.apache.pdfbox.contentstream.operator.text.SetTextLeading;
import org.apache.pdfbox.contentstream.operator.text.SetTextRenderingMode;
import org.apache.pdfbox.contentstream.operator.text.SetTextRise;
import org.apache.pdfbox.contentstream.operator.text.SetWordSpacing;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLine;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLineAndSpace;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Reads the text layer of a PDF with PDFBox's content-stream engine, page by page, as positioned tokens. Pages are handed to a
 * {@link PageSink} as they are read, so memory stays flat however long the report is.
 */
public final class PdfTextLayer {

    /** Receives the lines of each page in order. */
    @FunctionalInterface
    public interface PageSink {
        void page(int pageNumber, List<TextLine> lines) throws ReportRejectedException;
    }

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    /** Readers accept the header anywhere in the first KiB, and the EOF marker in the last KiB. */
    private static final int MARKER_WINDOW = 1024;

    private PdfTextLayer() {}

    /** Reads every page within {@link PdfLimits#DEFAULT}; returns the page count. */
    public static int read(byte[] pdf, PageSink sink) throws ReportRejectedException {
        return read(pdf, PdfLimits.DEFAULT, sink);
    }

    /**
     * Reads every page; returns the page count. Nothing but {@link ReportRejectedException} escapes: a file over a
     * limit is refused as {@code TOO_LARGE} (pages, decoded size) or {@code UNREADABLE} (time, text shaped like no
     * report).
     */
    public static int read(byte[] pdf, PdfLimits limits, PageSink sink) throws ReportRejectedException {
        checkEnvelope(pdf);
        long deadline = System.nanoTime() + limits.maxParseTime().toNanos();
        DecodeBudget budget = DecodeBudget.open(limits.maxStreamBytes(), limits.maxDecodedBytes());
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null, streamCache(limits.memory()))) {
            int pages = PageTreeCheck.countPages(document, limits, deadline);
            GlyphCollector collector = new GlyphCollector(sink, limits, deadline);
            collector.readAll(document, pages);
            if (budget.exceeded() != null) {
                throw budget.exceeded(); // PDFBox caught it somewhere (a font it fell back from, a skipped form)
            }
            if (!collector.sawText) {
                throw new ReportRejectedException(
                        ReportRejectedException.Reason.UNREADABLE,
                        "The PDF has no text layer (it looks like a scanned image). Scanned reports are not "
                                + "supported: export the debtors age analysis as PDF from the dispensing system "
                                + "and upload that file.");
            }
            return pages;
        } catch (PdfLimitExceeded e) {
            throw e.rejection();
        } catch (InvalidPasswordException e) {
            throw new ReportRejectedException(
                    ReportRejectedException.Reason.UNREADABLE,
                    "The PDF is encrypted with a password. Export the report again without a password.",
                    e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            if (budget.exceeded() != null) {
                throw budget.exceeded().rejection(); // wrapped by PDFBox on its way out
            }
            // PDFBox reports damage in many shapes (IOException, IllegalArgumentException, ClassCastException ...)
            throw new ReportRejectedException(
                    ReportRejectedException.Reason.UNREADABLE,
                    "The PDF is damaged and cannot be read. Export the report again and upload the new file.",
                    e);
        } finally {
            budget.close();
        }
    }

    /**
     * PDFBox keeps the streams it creates (not the ones it reads: see {@link DecodeBudget}) in main memory up to a
     * limit, then in scratch files, and fails past the total.
     */
    private static RandomAccessStreamCache.StreamCacheCreateFunction streamCache(PdfLimits.Memory memory) {
        MemoryUsageSetting setting =
                MemoryUsageSetting.setupMixed(memory.maxMainMemoryBytes(), memory.maxScratchBytes());
        memory.scratchDirectory().ifPresent(dir -> setting.setTempDir(dir.toFile()));
        return setting.streamCache;
    }

    /** True when the file starts like a PDF (the header within its first KiB), whatever its name. */
    public static boolean looksLikePdf(byte[] content) {
        return indexOf(content, PDF_MAGIC, 0, Math.min(content.length, MARKER_WINDOW)) >= 0;
    }

    private static void checkEnvelope(byte[] pdf) throws ReportRejectedException {
        if (indexOf(pdf, PDF_MAGIC, 0, Math.min(pdf.length, MARKER_WINDOW)) < 0) {
            throw new ReportRejectedException(
                    ReportRejectedException.Reason.NOT_A_PDF,
                    "The file is not a PDF. Upload the debtors age analysis exported as PDF.");
        }
        if (indexOf(pdf, EOF_MARKER, Math.max(0, pdf.length - MARKER_WINDOW), pdf.length) < 0) {
            throw new ReportRejectedException(
                    ReportRejectedException.Reason.UNREADABLE,
                    "The PDF is incomplete (it ends before its end-of-file marker, as a cut-off download or "
                            + "attachment does). Upload the complete file.");
        }
    }

    private static int indexOf(byte[] data, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * A page whose content streams are decoded through PDFBox's filters, and so within the {@link DecodeBudget}. PDFBox's
     * own page inflates a single FlateDecode content stream as it parses it, past the filters: memory-friendly, but a
     * stream of a gigabyte of blanks (no operator, so no parse-time check) or of one huge string would then be read
     * unbounded. A report page's content is a few KB, so holding it decoded costs nothing.
     */
    private static final class BudgetedPage extends PDPage {

        BudgetedPage(PDPage page) {
            super(page.getCOSObject());
            setResources(page.getResources()); // the document's page keeps its fonts in the document's resource cache
        }

        @Override
        public RandomAccessRead getContentsForStreamParsing() throws IOException {
            return getContentsForRandomAccess();
        }
    }

    /**
     * Collects the glyphs PDFBox's content-stream engine shows, with their positions, and groups them into lines
     * (a change of baseline), cells (a gap between glyphs: the writer placed the next text elsewhere) and tokens
     * (runs between blank glyphs). Much leaner than PDFTextStripper, which also computes glyph heights, sorts and
     * normalises text a fixed-width report does not need: this keeps a full parse at several hundred pages a second.
     */
    private static final class GlyphCollector extends PDFStreamEngine {

        /** A gap wider than this share of the font size separates cells; drawn text has no gaps at all. */
        private static final float CELL_GAP = 0.2f;
        /** A baseline moved by more than this share of the font size starts a new line. */
        private static final float LINE_SHIFT = 0.5f;

        private final PageSink sink;
        private final PdfLimits limits;
        private final long deadline;
        private int pageNumber;
        private int lineChars;
        private int pageChars;
        private List<TextLine> pageLines = new ArrayList<>();
        private final List<TextToken> line = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();
        private float runX0;
        private float runX1;
        private float lineY;
        private float lastEnd;
        private int cell;
        private boolean sawText;

        GlyphCollector(PageSink sink, PdfLimits limits, long deadline) {
            this.sink = sink;
            this.limits = limits;
            this.deadline = deadline;
            addOperator(new BeginText(this));
            addOperator(new EndText(this));
            addOperator(new Concatenate(this));
            addOperator(new Save(this));
            addOperator(new Restore(this));
            addOperator(new SetMatrix(this));
            addOperator(new SetGraphicsStateParameters(this));
            addOperator(new DrawObject(this));
            addOperator(new NextLine(this));
            addOperator(new MoveText(this));
            addOperator(new MoveTextSetLeading(this));
            addOperator(new SetFontAndSize(this));
            addOperator(new SetCharSpacing(this));
            addOperator(new SetWordSpacing(this));
            addOperator(new SetTextLeading(this));
            addOperator(new SetTextRise(this));
            addOperator(new SetTextRenderingMode(this));
            addOperator(new SetTextHorizontalScaling(this));
            addOperator(new ShowText(this));
            addOperator(new ShowTextAdjusted(this));
            addOperator(new ShowTextLine(this));
            addOperator(new ShowTextLineAndSpace(this));
        }

        void readAll(PDDocument document, int pages) throws IOException, ReportRejectedException {
            for (PDPage page : document.getPages()) {
                if (++pageNumber > pages) {
                    break; // PageTreeCheck counted the pages; PDFBox never reads more than that
                }
                pageLines = new ArrayList<>();
                pageChars = 0;
                processPage(new BudgetedPage(page));
                endLine();
                sink.page(pageNumber, pageLines);
            }
        }

        /**
         * Every operator, also those of form XObjects, passes here: the parse-time limit is checked per operator, so
         * a file of forms drawing forms (exponential work in a few kilobytes) ends on time.
         */
        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (System.nanoTime() - deadline > 0) {
                throw PageTreeCheck.tooSlow(limits);
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void showGlyph(Matrix glyphMatrix, PDFont font, int code, Vector displacement) throws IOException {
            String unicode = font.toUnicode(code);
            float x = glyphMatrix.getTranslateX();
            float y = glyphMatrix.getTranslateY();
            float size = Math.max(0.1f, Math.abs(glyphMatrix.getScalingFactorY()));
            float end = x + displacement.getX() * glyphMatrix.getScalingFactorX();
            boolean lineOpen = !line.isEmpty() || !run.isEmpty();
            if (lineOpen && (Math.abs(y - lineY) > size * LINE_SHIFT || x < lastEnd - size)) {
                endLine();
                lineOpen = false;
            }
            if (!lineOpen) {
                lineY = y;
                cell++;
            } else if (x - lastEnd > size * CELL_GAP) {
                endToken();
                cell++;
            }
            lastEnd = end;
            if (unicode == null || unicode.isBlank()) {
                endToken();
                return;
            }
            if (run.isEmpty()) {
                runX0 = x;
            }
            countText(unicode.length());
            run.append(unicode);
            runX1 = end;
        }

        /** Text shaped like no report (a line of a million glyphs) would cost memory and time downstream. */
        private void countText(int chars) {
            lineChars += chars;
            pageChars += chars;
            if (lineChars > limits.maxLineChars()) {
                throw new PdfLimitExceeded(
                        ReportRejectedException.Reason.UNREADABLE,
                        "Page " + pageNumber + " has a line of more than " + limits.maxLineChars()
                                + " characters, which no debtors age analysis has: check that this is the report "
                                + "exported from the dispensing system.");
            }
            if (pageChars > limits.maxPageChars()) {
                throw new PdfLimitExceeded(
                        ReportRejectedException.Reason.UNREADABLE,
                        "Page " + pageNumber + " holds more than " + limits.maxPageChars()
                                + " characters of text, which no debtors age analysis has: check that this is the "
                                + "report exported from the dispensing system.");
            }
        }

        private void endToken() {
            if (!run.isEmpty()) {
                line.add(new TextToken(run.toString(), runX0, runX1, cell));
                run.setLength(0);
            }
        }

        private void endLine() {
            endToken();
            lineChars = 0;
            if (!line.isEmpty()) {
                sawText = true;
                pageLines.add(new TextLine(line, lineY));
                line.clear();
            }
        }
    }
}
