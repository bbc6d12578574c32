package com.clinicsuite.imports.debtors.pdf;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Walks a PDF's page tree before PDFBox does, with bounds: PDFBox's page iterator queues every page of the tree up
 * front and trusts {@code /Count}, and its inherited-attribute lookup follows {@code /Parent} recursively, so a page
 * count bomb or a tree that loops would cost memory or the stack. Here the pages are counted (up to the limit), and
 * a node reached twice or a {@code /Parent} chain that loops or is absurdly deep is a damaged file.
 */
final class PageTreeCheck {

    /** A real page tree is a few levels deep; PDFBox recurses once per level. */
    private static final int MAX_DEPTH = 64;

    private PageTreeCheck() {}

    /** The number of pages, checked; throws {@link PdfLimitExceeded} over the limits, IOException when damaged. */
    static int countPages(PDDocument document, PdfLimits limits, long deadline) throws IOException {
        int maxPages = limits.maxPages();
        COSDictionary root = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        if (root == null) {
            throw new IOException("no page tree");
        }
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSDictionary> todo = new ArrayDeque<>();
        todo.push(root);
        int pages = 0;
        // Intermediate nodes are fewer than pages in any real tree; a tree of empty nodes only wastes time.
        long maxNodes = 2L * maxPages + MAX_DEPTH;
        while (!todo.isEmpty()) {
            COSDictionary node = todo.pop();
            if (!seen.add(node)) {
                throw new IOException("the page tree reaches a node twice");
            }
            if (seen.size() > maxNodes) {
                throw tooManyPages(maxPages);
            }
            if (isPageTreeNode(node)) {
                COSArray kids = node.getCOSArray(COSName.KIDS);
                if (kids == null) {
                    continue;
                }
                if (kids.size() > maxNodes) {
                    throw tooManyPages(maxPages);
                }
                for (int i = kids.size() - 1; i >= 0; i--) {
                    if (kids.getObject(i) instanceof COSDictionary kid) {
                        todo.push(kid);
                    }
                }
            } else {
                if (++pages > maxPages) {
                    throw tooManyPages(maxPages);
                }
                checkParents(node);
            }
            if ((seen.size() & 0xFF) == 0 && System.nanoTime() - deadline > 0) {
                throw tooSlow(limits);
            }
        }
        return pages;
    }

    /** PDFBox follows /Parent (recursively) for inherited resources and page boxes. */
    private static void checkParents(COSDictionary page) throws IOException {
        Set<COSDictionary> chain = Collections.newSetFromMap(new IdentityHashMap<>());
        COSDictionary node = page;
        while (node != null) {
            if (!chain.add(node) || chain.size() > MAX_DEPTH) {
                throw new IOException("the page tree's parent links loop or nest too deeply");
            }
            COSBase parent = node.getDictionaryObject(COSName.PARENT, COSName.P);
            node = parent instanceof COSDictionary dictionary ? dictionary : null;
        }
    }

    /** The rule PDFBox's page tree uses to tell an intermediate node from a page. */
    private static boolean isPageTreeNode(COSDictionary node) {
        return COSName.PAGES.equals(node.getCOSName(COSName.TYPE)) || node.containsKey(COSName.KIDS);
    }

    private static PdfLimitExceeded tooManyPages(int maxPages) {
        return new PdfLimitExceeded(
                ReportRejectedException.Reason.TOO_LARGE,
                "The PDF has more than " + maxPages + " pages, more than any debtors age analysis: check that "
                        + "this is the right file.");
    }

    static PdfLimitExceeded tooSlow(PdfLimits limits) {
        return new PdfLimitExceeded(
                ReportRejectedException.Reason.UNREADABLE,
                "The PDF could not be read within " + describe(limits.maxParseTime())
                        + ": it is far more complex than a debtors age analysis. "
                        + "Export the report again from the dispensing system and upload that file.");
    }

    private static String describe(Duration time) {
        long seconds = time.toSeconds();
        if (seconds >= 120 && seconds % 60 == 0) {
            return seconds / 60 + " minutes";
        }
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }
}
