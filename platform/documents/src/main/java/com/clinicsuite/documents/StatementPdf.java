package com.clinicsuite.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A statement of account on one A4 page: the pharmacy's letterhead, the debtor's name, account number and contact
 * details, the date of the balances, the age analysis, the amount due (the balance) with what of it is overdue, and
 * where and with which reference to pay (the account number). English or Afrikaans, amounts written as the
 * language writes them ({@link DocumentLanguage#rand}, as the reminders do). The one implementation both
 * debtor-service (GET .../statement) and notification-service (e-mail attachments) print with.
 * CPU work (a few milliseconds): call it from a worker thread, never an event loop.
 */
public final class StatementPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float WIDTH = RIGHT - MARGIN;
    private static final float GREY = 0.35f;

    private StatementPdf() {}

    public static byte[] render(Statement statement) {
        DocumentLanguage words = DocumentLanguage.of(statement.language());
        Statement.Letterhead letterhead = statement.letterhead();
        List<String> texts = new ArrayList<>(List.of(
                PersonNames.proper(statement.debtorName()),
                nullToEmpty(statement.accNo()),
                nullToEmpty(statement.email()),
                nullToEmpty(statement.phone())));
        if (letterhead != null) {
            texts.addAll(List.of(
                    nullToEmpty(letterhead.name()),
                    nullToEmpty(letterhead.phone()),
                    nullToEmpty(letterhead.bankDetails())));
        }
        try (PDDocument document = new PDDocument();
                DocumentFonts fonts = DocumentFonts.load(document, texts)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(words.title + " " + nullToEmpty(statement.accNo()));
            info.setCreator("clinicsuite");
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new Layout(content, fonts, words, statement).draw();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the statement", e);
        }
    }

    /** Draws top to bottom; {@code y} is the top of what comes next. */
    private static final class Layout {
        private final PDPageContentStream content;
        private final PDFont regular;
        private final PDFont bold;
        private final DocumentLanguage words;
        private final Statement s;
        private final Statement.Letterhead letterhead;
        private float y = PAGE.getHeight() - MARGIN;

        Layout(PDPageContentStream content, DocumentFonts fonts, DocumentLanguage words, Statement statement) {
            this.content = content;
            this.regular = fonts.regular();
            this.bold = fonts.bold();
            this.words = words;
            this.s = statement;
            this.letterhead = statement.letterhead() == null
                    ? new Statement.Letterhead(null, null, null)
                    : statement.letterhead();
        }

        void draw() throws IOException {
            letterhead();
            rule(0.8f);
            y -= 14;
            debtor();
            y -= 18;
            ageing();
            y -= 18;
            amountDue();
            y -= 18;
            payment();
            footer();
        }

        private void letterhead() throws IOException {
            float top = y;
            float leftWidth = WIDTH * 0.55f;
            float left = lines(bold, 16, MARGIN, top, leftWidth, text(letterhead.name()));
            if (present(letterhead.phone())) {
                left = lines(regular, 9, MARGIN, left - 2, leftWidth, words.tel + " " + text(letterhead.phone()));
            }
            float rightWidth = WIDTH - leftWidth - 12;
            float right = linesRight(bold, 14, top, rightWidth, words.title);
            if (s.balancesAt() != null) {
                right = linesRight(
                        regular, 9, right - 2, rightWidth, words.balancesAt + " " + words.date(s.balancesAt()));
            }
            content.setNonStrokingColor(GREY);
            right = linesRight(regular, 8, right, rightWidth, words.printed + " " + words.date(s.printedOn()));
            content.setNonStrokingColor(0f);
            y = Math.min(left, right) - 8;
        }

        private void debtor() throws IOException {
            float top = y;
            float leftWidth = WIDTH * 0.55f;
            float left = lines(bold, 12, MARGIN, top, leftWidth, PersonNames.proper(s.debtorName()));
            if (present(s.email())) {
                left = labelled(MARGIN, left - 2, leftWidth, words.email, s.email());
            }
            if (present(s.phone())) {
                left = labelled(MARGIN, left, leftWidth, words.phone, s.phone());
            }
            float x = MARGIN + leftWidth + 12;
            float width = RIGHT - x;
            float right = label(x, top, words.accountNumber);
            right = lines(bold, 12, x, right, width, text(s.accNo()));
            right = label(x, right - 4, words.paymentReference);
            right = lines(bold, 12, x, right, width, text(s.accNo()));
            y = Math.min(left, right);
        }

        private void ageing() throws IOException {
            y = lines(bold, 10, MARGIN, y, WIDTH, words.ageAnalysis) - 4;
            Statement.Ageing a = s.ageing();
            List<String> headings = List.of(
                    words.current,
                    words.days(30),
                    words.days(60),
                    words.days(90),
                    words.days(120),
                    words.days(150),
                    words.days(180),
                    words.balance);
            List<String> amounts =
                    List.of(a.current(), a.d30(), a.d60(), a.d90(), a.d120(), a.d150(), a.d180(), a.balance()).stream()
                            .map(words::rand)
                            .toList();
            float headingSize = 8;
            float gap = 10;
            // columns as wide as their heading or amount, at the largest size (9 pt down to 6) that fits the page;
            // what is left spreads over all of them, so the amounts stay clear of each other
            float size = 9;
            float[] widths = new float[headings.size()];
            while (true) {
                float total = 0;
                for (int i = 0; i < widths.length; i++) {
                    PDFont font = i == widths.length - 1 ? bold : regular;
                    widths[i] = Math.max(
                                    PdfText.width(bold, headingSize, headings.get(i)),
                                    PdfText.width(font, size, amounts.get(i)))
                            + gap;
                    total += widths[i];
                }
                if (total <= WIDTH || size <= 6) {
                    float widest = 0;
                    for (float w : widths) {
                        widest = Math.max(widest, w);
                    }
                    // equal columns when the widest fits that way, else each as wide as it needs plus a share
                    float extra = Math.max(0, (WIDTH - total) / widths.length);
                    for (int i = 0; i < widths.length; i++) {
                        widths[i] = widest * widths.length <= WIDTH ? WIDTH / widths.length : widths[i] + extra;
                    }
                    break;
                }
                size -= 0.5f;
            }
            float baseline = y - PdfText.ascent(bold, headingSize);
            float right = MARGIN;
            for (int i = 0; i < headings.size(); i++) {
                right += widths[i];
                PdfText.showRight(content, bold, headingSize, right - 3, baseline, headings.get(i));
            }
            y = baseline - PdfText.descent(bold, headingSize) - 3;
            rule(0.5f);
            y -= 3;
            baseline = y - PdfText.ascent(regular, size);
            right = MARGIN;
            for (int i = 0; i < amounts.size(); i++) {
                right += widths[i];
                PDFont font = i == amounts.size() - 1 ? bold : regular;
                PdfText.showRight(content, font, size, right - 3, baseline, amounts.get(i));
            }
            y = baseline - PdfText.descent(regular, size) - 3;
            rule(0.5f);
        }

        private void amountDue() throws IOException {
            Statement.Ageing a = s.ageing();
            boolean credit = a.balance() != null && a.balance().signum() < 0;
            float height = 44;
            content.setNonStrokingColor(0.93f);
            content.addRect(MARGIN, y - height, WIDTH, height);
            content.fill();
            content.setNonStrokingColor(0f);
            float first = y - 8 - PdfText.ascent(bold, 14);
            PdfText.show(content, bold, 12, MARGIN + 10, first, credit ? words.inCredit : words.amountDue);
            PdfText.showRight(
                    content,
                    bold,
                    14,
                    RIGHT - 10,
                    first,
                    words.rand(credit ? a.balance().negate() : a.balance()));
            float second = first - 18;
            PdfText.show(content, regular, 9, MARGIN + 10, second, words.overdue);
            PdfText.showRight(content, regular, 9, RIGHT - 10, second, words.rand(a.overdue()));
            y -= height;
        }

        private void payment() throws IOException {
            y = lines(bold, 10, MARGIN, y, WIDTH, words.payInto);
            List<String> bank = new ArrayList<>();
            if (present(letterhead.bankDetails())) {
                for (String line : letterhead.bankDetails().split("\\R")) {
                    if (!line.isBlank()) {
                        bank.add(line.strip());
                    }
                }
            }
            if (bank.isEmpty()) {
                bank.add(words.noBankDetails);
            }
            for (String line : bank) {
                y = lines(regular, 10, MARGIN, y - 1, WIDTH, line);
            }
            y -= 6;
            float baseline = y - PdfText.ascent(bold, 11);
            String label = words.paymentReference + ": ";
            PdfText.show(content, regular, 11, MARGIN, baseline, label);
            PdfText.show(content, bold, 11, MARGIN + PdfText.width(regular, 11, label), baseline, text(s.accNo()));
            y = baseline - PdfText.descent(bold, 11) - 2;
            content.setNonStrokingColor(GREY);
            y = lines(regular, 8, MARGIN, y, WIDTH, words.quoteReference);
            content.setNonStrokingColor(0f);
            y -= 14;
            if (present(letterhead.phone())) {
                y = lines(regular, 9, MARGIN, y, WIDTH, words.questions(text(letterhead.phone())));
            }
            y = lines(regular, 9, MARGIN, y, WIDTH, words.alreadyPaid);
        }

        private void footer() throws IOException {
            float baseline = MARGIN - 20;
            content.setStrokingColor(0.6f);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, MARGIN - 8);
            content.lineTo(RIGHT, MARGIN - 8);
            content.stroke();
            content.setStrokingColor(0f);
            String page = words.page(1, 1);
            float pageWidth = PdfText.width(regular, 7, page);
            String left = String.join(
                    " · ",
                    List.of(text(letterhead.name()), words.title, text(s.accNo())).stream()
                            .filter(t -> !t.isEmpty())
                            .toList());
            List<String> fitted = PdfText.wrap(regular, 7, left, WIDTH - pageWidth - 12);
            content.setNonStrokingColor(GREY);
            PdfText.show(content, regular, 7, MARGIN, baseline, fitted.get(0));
            PdfText.showRight(content, regular, 7, RIGHT, baseline, page);
            content.setNonStrokingColor(0f);
        }

        /** A grey label line, small; returns the new top. */
        private float label(float x, float top, String label) throws IOException {
            content.setNonStrokingColor(GREY);
            float bottom = lines(regular, 8, x, top, RIGHT - x, label);
            content.setNonStrokingColor(0f);
            return bottom - 1;
        }

        private float labelled(float x, float top, float width, String label, String value) throws IOException {
            String prefix = label + ": ";
            float baseline = top - PdfText.ascent(regular, 9);
            content.setNonStrokingColor(GREY);
            PdfText.show(content, regular, 9, x, baseline, prefix);
            content.setNonStrokingColor(0f);
            float indent = PdfText.width(regular, 9, prefix);
            return lines(regular, 9, x + indent, top, width - indent, text(value));
        }

        /** Wrapped lines from {@code top} down; returns the top of what comes next. */
        private float lines(PDFont font, float size, float x, float top, float width, String text) {
            float leading = size * 1.25f;
            float baseline = top - PdfText.ascent(font, size);
            float bottom = top;
            for (String line : PdfText.wrap(font, size, PdfText.printable(font, text), width)) {
                PdfText.show(content, font, size, x, baseline, line);
                bottom = baseline - PdfText.descent(font, size);
                baseline -= leading;
            }
            return bottom - (leading - size) / 2;
        }

        private float linesRight(PDFont font, float size, float top, float width, String text) {
            float leading = size * 1.25f;
            float baseline = top - PdfText.ascent(font, size);
            float bottom = top;
            for (String line : PdfText.wrap(font, size, PdfText.printable(font, text), width)) {
                PdfText.showRight(content, font, size, RIGHT, baseline, line);
                bottom = baseline - PdfText.descent(font, size);
                baseline -= leading;
            }
            return bottom - (leading - size) / 2;
        }

        private void rule(float width) throws IOException {
            content.setStrokingColor(0.6f);
            content.setLineWidth(width);
            content.moveTo(MARGIN, y);
            content.lineTo(RIGHT, y);
            content.stroke();
            content.setStrokingColor(0f);
        }

        private String text(String value) {
            return value == null ? "" : value.strip();
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
