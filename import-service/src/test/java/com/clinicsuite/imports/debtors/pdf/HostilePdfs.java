package com.clinicsuite.imports.debtors.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Builds PDFs in the test, with PDFBox (or by hand where PDFBox would refuse to write them): small text reports in
 * the fixed-width shape the parser reads, and hostile files (page count, decompression and form bombs, page trees
 * that loop, deep nesting, absurdly long lines).
 */
public final class HostilePdfs {

    private static final float FONT_SIZE = 8;
    private static final float LEADING = 10;
    private static final int LINES_PER_PAGE = 50;
    /** The unit of the decompression bombs: 256 KB. */
    public static final int BLOCK = 256 * 1024;

    private HostilePdfs() {}

    /** One account of {@link #report}: its line prints the balance in the current column. */
    public record Account(String accNo, String name, BigDecimal balance, List<String> detailLines) {
        public Account(String accNo, String name, String balance) {
            this(accNo, name, new BigDecimal(balance), List.of());
        }
    }

    /** A debtors age analysis the parser accepts: title, headings, one line per account (and details), totals. */
    public static byte[] report(String pharmacy, List<Account> accounts) {
        List<String> lines = new ArrayList<>();
        lines.add(pharmacy);
        lines.add("DEBTORS AGE ANALYSIS   Report date: 31/01/2025");
        lines.add("ACC NAME CURRENT 30 60 90 120 150 180 BALANCE");
        BigDecimal total = BigDecimal.ZERO;
        for (Account account : accounts) {
            String amount = account.balance().toPlainString();
            lines.add(
                    account.accNo() + " " + account.name() + " " + amount + " 0.00 0.00 0.00 0.00 0.00 0.00 " + amount);
            lines.addAll(account.detailLines());
            total = total.add(account.balance());
        }
        String sum = total.toPlainString();
        lines.add("TOTALS " + sum + " 0.00 0.00 0.00 0.00 0.00 0.00 " + sum);
        return text(lines);
    }

    /** The lines, {@value #LINES_PER_PAGE} a page, in Courier as a text report turned into PDF prints them. */
    public static byte[] text(List<String> lines) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font courier = new PDType1Font(Standard14Fonts.FontName.COURIER);
            for (int from = 0; from < lines.size(); from += LINES_PER_PAGE) {
                PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(courier, FONT_SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(20, page.getMediaBox().getHeight() - 30);
                    for (String line : lines.subList(from, Math.min(lines.size(), from + LINES_PER_PAGE))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pages} pages sharing one small content stream, in compressed object streams: a few KB a thousand pages. */
    public static byte[] pageBomb(int pages) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font courier = new PDType1Font(Standard14Fonts.FontName.COURIER);
            PDPage first = new PDPage();
            document.addPage(first);
            try (PDPageContentStream content = new PDPageContentStream(document, first)) {
                content.beginText();
                content.setFont(courier, FONT_SIZE);
                content.newLineAtOffset(20, 700);
                content.showText("ACC NAME CURRENT 30 60 90 120 150 180 BALANCE");
                content.endText();
            }
            for (int i = 1; i < pages; i++) {
                PDPage page = new PDPage();
                page.setResources(first.getResources());
                page.getCOSObject()
                        .setItem(COSName.CONTENTS, first.getCOSObject().getItem(COSName.CONTENTS));
                document.addPage(page);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A page whose content stream is FlateDecode data that inflates to {@code inflatedBytes} (spaces, which a
     * content stream may hold): a few hundred KB that expand to gigabytes.
     */
    public static byte[] deflateBombContent(long inflatedBytes) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream content = document.getDocument().createCOSStream();
            writeDeflated(content, inflatedBytes, (byte) ' ');
            page.getCOSObject().setItem(COSName.CONTENTS, content);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A page of report text that also draws an image XObject whose FlateDecode data inflates to {@code inflatedBytes}
     * (a grey image of 65,536 pixels a row).
     */
    public static byte[] imageBomb(long inflatedBytes) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream image = document.getDocument().createCOSStream();
            writeDeflated(image, inflatedBytes, (byte) 0);
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, 65_536);
            image.setInt(COSName.HEIGHT, (int) Math.max(1, inflatedBytes / 65_536));
            image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            PDResources resources = new PDResources();
            resources.getCOSObject().setItem(COSName.XOBJECT, dictionary(COSName.getPDFName("Im1"), image));
            page.setResources(resources);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.COURIER), FONT_SIZE);
                content.newLineAtOffset(20, 700);
                content.showText("ACC NAME CURRENT 30 60 90 120 150 180 BALANCE");
                content.endText();
            }
            appendContent(document, page, "q 100 0 0 100 0 0 cm /Im1 Do Q");
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Form XObjects that each draw the next one twice, {@code depth} deep, with a glyph at the bottom: a few KB whose
     * content takes 2^depth operators to run.
     */
    public static byte[] formFanOut(int depth) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType1Font courier = new PDType1Font(Standard14Fonts.FontName.COURIER);
            PDFormXObject next = null;
            for (int level = 0; level < depth; level++) {
                PDFormXObject form = new PDFormXObject(document);
                form.setBBox(new PDRectangle(0, 0, 600, 800));
                PDResources resources = new PDResources();
                String body;
                if (next == null) {
                    resources.put(COSName.getPDFName("F1"), courier);
                    body = "BT /F1 8 Tf 20 20 Td (X) Tj ET";
                } else {
                    resources.put(COSName.getPDFName("Fm"), next);
                    body = "/Fm Do /Fm Do";
                }
                form.setResources(resources);
                try (OutputStream out = form.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
                    out.write(body.getBytes(StandardCharsets.US_ASCII));
                }
                next = form;
            }
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Fm"), next);
            page.setResources(resources);
            appendContent(document, page, "/Fm Do");
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page with one line of {@code chars} glyphs. */
    public static byte[] longLine(int chars) {
        char[] line = new char[chars];
        Arrays.fill(line, 'A');
        return text(List.of("ACC NAME CURRENT 30 60 90 120 150 180 BALANCE", new String(line)));
    }

    /** A page tree whose node lists itself among its kids. Written by hand: PDFBox would not write it. */
    public static byte[] pageTreeLoop() {
        return RawPdf.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
    }

    /** A page whose parent link points back at the page itself (inherited attributes would recurse for ever). */
    public static byte[] parentLoop() {
        return RawPdf.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] >>");
    }

    /** A page dictionary holding arrays nested {@code depth} deep. */
    public static byte[] deepNesting(int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        return RawPdf.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Nested " + nested + " >>");
    }

    /**
     * Writes zlib data that inflates to {@code inflatedBytes} of {@code fill} without deflating them all: one block of
     * {@link #BLOCK} bytes is compressed once, with a full flush (so it stands alone), and repeated; an empty final
     * block and the Adler-32 of the whole close the stream. Gigabytes cost milliseconds to write.
     */
    private static void writeDeflated(COSStream stream, long inflatedBytes, byte fill) throws IOException {
        if (inflatedBytes % BLOCK != 0) {
            throw new IllegalArgumentException("a multiple of " + BLOCK + " bytes");
        }
        byte[] block = new byte[BLOCK];
        Arrays.fill(block, fill);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(block);
            byte[] buffer = new byte[8192];
            int length;
            do {
                length = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                compressed.write(buffer, 0, length);
            } while (length == buffer.length);
        } finally {
            deflater.end();
        }
        Adler32 checksum = new Adler32();
        try (OutputStream raw = stream.createRawOutputStream()) {
            raw.write(new byte[] {0x78, (byte) 0xDA});
            for (long written = 0; written < inflatedBytes; written += BLOCK) {
                compressed.writeTo(raw);
                checksum.update(block);
            }
            raw.write(new byte[] {0x03, 0x00}); // an empty final block
            long adler = checksum.getValue();
            raw.write(new byte[] {(byte) (adler >>> 24), (byte) (adler >>> 16), (byte) (adler >>> 8), (byte) adler});
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
    }

    /** Adds a content stream after the page's own. */
    private static void appendContent(PDDocument document, PDPage page, String operators) throws IOException {
        PDStream extra = new PDStream(document);
        try (OutputStream out = extra.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(operators.getBytes(StandardCharsets.US_ASCII));
        }
        COSArray contents = new COSArray();
        if (page.getCOSObject().getDictionaryObject(COSName.CONTENTS) instanceof COSStream existing) {
            contents.add(existing);
        }
        contents.add(extra.getCOSObject());
        page.getCOSObject().setItem(COSName.CONTENTS, contents);
    }

    private static COSDictionary dictionary(COSName key, COSStream value) {
        COSDictionary dictionary = new COSDictionary();
        dictionary.setItem(key, value);
        return dictionary;
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** A PDF written byte by byte: numbered objects, a correct cross-reference table and trailer. */
    private static final class RawPdf {
        static byte[] of(String... objects) {
            StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
            List<Integer> offsets = new ArrayList<>();
            for (int i = 0; i < objects.length; i++) {
                offsets.add(pdf.length());
                pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
            }
            int xref = pdf.length();
            pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
            for (int offset : offsets) {
                pdf.append(String.format("%010d 00000 n \n", offset));
            }
            pdf.append("trailer\n<< /Size ")
                    .append(objects.length + 1)
                    .append(" /Root 1 0 R >>\nstartxref\n")
                    .append(xref)
                    .append("\n%%EOF\n");
            return pdf.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }
}
