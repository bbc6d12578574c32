package com.clinicsuite.documents;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a produced PDF shows, read back for layout tests: every glyph with its box (from PDFBox's
 * {@link TextPosition}s and the font's cap height and descent) grouped into runs (text on one baseline without a
 * gap wider than a space: a table cell's line), and every stroked line segment (rules), from a
 * {@link PDFGraphicsStreamEngine}. Coordinates are points from the top-left corner of the page.
 */
public final class PdfLayout {

    /** A rectangle; {@code top < bottom}. */
    public record Box(float left, float top, float right, float bottom) {
        public boolean overlaps(Box o) {
            return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
        }

        public Box union(Box o) {
            return new Box(
                    Math.min(left, o.left), Math.min(top, o.top), Math.max(right, o.right), Math.max(bottom, o.bottom));
        }
    }

    /** Text on one baseline, glyphs closer than a space apart. */
    public record Run(int page, String text, Box box, float baseline, float size, boolean bold) {
        @Override
        public String toString() {
            return "'" + text + "' p" + page + " x" + (int) box.left() + ".." + (int) box.right() + " y"
                    + (int) box.top() + ".." + (int) box.bottom();
        }
    }

    /** A stroked straight segment with its line width, as a box. */
    public record Rule(int page, Box box) {}

    private final List<Run> runs;
    private final List<Rule> rules;
    private final int pages;
    private final String text;

    private PdfLayout(List<Run> runs, List<Rule> rules, int pages, String text) {
        this.runs = runs;
        this.rules = rules;
        this.pages = pages;
        this.text = text;
    }

    public static PdfLayout read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Run> runs = new ArrayList<>();
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                runs.addAll(runs(document, i + 1));
                RuleCollector collector = new RuleCollector(document.getPage(i), i + 1);
                collector.processPage(document.getPage(i));
                rules.addAll(collector.rules);
            }
            return new PdfLayout(runs, rules, document.getNumberOfPages(), new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int pages() {
        return pages;
    }

    /** The document's text as PDFTextStripper reads it. */
    public String text() {
        return text;
    }

    public List<Run> runs(int page) {
        return runs.stream().filter(r -> r.page() == page).toList();
    }

    public List<Rule> rules(int page) {
        return rules.stream().filter(r -> r.page() == page).toList();
    }

    /** Runs whose text is exactly {@code text}. */
    public List<Run> find(String text) {
        return runs.stream().filter(r -> r.text().equals(text)).toList();
    }

    /** Pairs of runs whose boxes overlap, among {@code candidates}. */
    public static List<String> overlaps(List<Run> candidates) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                Run a = candidates.get(i);
                Run b = candidates.get(j);
                if (a.page() == b.page() && a.box().overlaps(b.box())) {
                    found.add(a + " overlaps " + b);
                }
            }
        }
        return found;
    }

    /** Every rule that crosses a glyph's box, with the text it crosses. */
    public List<String> rulesCrossingText() {
        List<String> found = new ArrayList<>();
        for (Rule rule : rules) {
            for (Run run : runs(rule.page())) {
                if (rule.box().overlaps(run.box())) {
                    found.add("rule " + rule.box() + " crosses " + run);
                }
            }
        }
        return found;
    }

    private static List<Run> runs(PDDocument document, int page) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        List<TextPosition> sorted = glyphs.stream()
                .filter(g -> !g.getUnicode().isBlank())
                .sorted(Comparator.comparing((TextPosition g) -> Math.round(g.getYDirAdj() * 10))
                        .thenComparing(TextPosition::getXDirAdj))
                .collect(Collectors.toList());
        List<Run> runs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Box box = null;
        TextPosition previous = null;
        for (TextPosition g : sorted) {
            Box glyph = box(g);
            boolean sameLine = previous != null && Math.abs(previous.getYDirAdj() - g.getYDirAdj()) < 0.5f;
            float gap = previous == null ? 0 : g.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
            float space = spaceWidth(g);
            if (previous != null && (!sameLine || gap > space * 1.6f)) {
                runs.add(run(page, text, box, previous));
                text.setLength(0);
                box = null;
            } else if (previous != null && gap > space * 0.5f) {
                text.append(' ');
            }
            text.append(g.getUnicode());
            box = box == null ? glyph : box.union(glyph);
            previous = g;
        }
        if (previous != null) {
            runs.add(run(page, text, box, previous));
        }
        return runs;
    }

    private static Run run(int page, StringBuilder text, Box box, TextPosition last) {
        String font = last.getFont().getName() == null ? "" : last.getFont().getName();
        return new Run(page, text.toString(), box, last.getYDirAdj(), last.getFontSizeInPt(), font.contains("Bold"));
    }

    private static float spaceWidth(TextPosition g) {
        try {
            float width = g.getFont().getSpaceWidth();
            return (width > 0 ? width : 278) / 1000 * g.getFontSizeInPt();
        } catch (RuntimeException e) {
            return 0.278f * g.getFontSizeInPt();
        }
    }

    /** From the baseline up to the cap height (accents aside), down to the descent. */
    private static Box box(TextPosition g) {
        PDFontDescriptor d = g.getFont().getFontDescriptor();
        float size = g.getFontSizeInPt();
        float cap = d != null && d.getCapHeight() > 0 ? d.getCapHeight() : 700;
        float descent = d != null ? -d.getDescent() : 200;
        float baseline = g.getYDirAdj();
        return new Box(
                g.getXDirAdj(),
                baseline - cap / 1000 * size,
                g.getXDirAdj() + g.getWidthDirAdj(),
                baseline + descent / 1000 * size);
    }

    /** Collects stroked segments; fills (shading, backgrounds) are not rules. */
    private static final class RuleCollector extends PDFGraphicsStreamEngine {
        private final int page;
        private final float height;
        private final List<Box> path = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();
        private Point2D current = new Point2D.Float();

        RuleCollector(PDPage pdPage, int page) {
            super(pdPage);
            this.page = page;
            this.height = pdPage.getMediaBox().getHeight();
        }

        @Override
        public void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            path.add(new Box(
                    (float) Math.min(current.getX(), x),
                    height - (float) Math.max(current.getY(), y),
                    (float) Math.max(current.getX(), x),
                    height - (float) Math.min(current.getY(), y)));
            current = new Point2D.Float(x, y);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            Point2D[] corners = {p0, p1, p2, p3};
            for (int i = 0; i < 4; i++) {
                current = corners[i];
                Point2D next = corners[(i + 1) % 4];
                lineTo((float) next.getX(), (float) next.getY());
            }
        }

        @Override
        public void strokePath() {
            float half = getGraphicsState().getLineWidth() / 2;
            for (Box b : path) {
                rules.add(
                        new Rule(page, new Box(b.left() - half, b.top() - half, b.right() + half, b.bottom() + half)));
            }
            path.clear();
        }

        @Override
        public void fillPath(int windingRule) {
            path.clear();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            strokePath();
        }

        @Override
        public void endPath() {
            path.clear();
        }

        @Override
        public void closePath() {}

        @Override
        public void clip(int windingRule) {}

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void drawImage(PDImage pdImage) {}

        @Override
        public void shadingFill(COSName shadingName) {}
    }
}
