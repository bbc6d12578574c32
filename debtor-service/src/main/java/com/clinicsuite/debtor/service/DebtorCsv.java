package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.ExportRow;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;

/**
 * The debtors CSV (RFC 4180, CRLF). A text cell a spreadsheet could take for a formula gets a leading apostrophe:
 * one starting with {@code = + - @ |} or their full-width and small forms ({@code ＝ ＋ － ＠ ｜ ﹦ ﹢ ﹣ ﹫}: anything
 * whose compatibility form starts so), or with any white space or line break (tab, CR, LF, space, no-break space:
 * spreadsheets skip them and read what follows). Amounts are written as plain numbers, so a credit stays a negative
 * number.
 */
public final class DebtorCsv {

    public static final String HEADER =
            "Account No,Name,Current,30 Days,60 Days,90 Days,120 Days,150 Days,180 Days,Balance,Email,Phone";
    private static final String FORMULA_STARTS = "=+-@|";

    private DebtorCsv() {}

    /** Lines of the file for these rows, each ending in CRLF. */
    public static String rows(List<ExportRow> debtors) {
        StringBuilder out = new StringBuilder(debtors.size() * 128);
        for (ExportRow d : debtors) {
            out.append(text(d.accNo()))
                    .append(',')
                    .append(text(d.name()))
                    .append(',')
                    .append(amount(d.current()))
                    .append(',')
                    .append(amount(d.d30()))
                    .append(',')
                    .append(amount(d.d60()))
                    .append(',')
                    .append(amount(d.d90()))
                    .append(',')
                    .append(amount(d.d120()))
                    .append(',')
                    .append(amount(d.d150()))
                    .append(',')
                    .append(amount(d.d180()))
                    .append(',')
                    .append(amount(d.balance()))
                    .append(',')
                    .append(text(d.email()))
                    .append(',')
                    .append(text(d.phone()))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String amount(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** A text cell: neutralised against formula injection, then quoted when it needs to be. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = startsLikeAFormula(value) ? "'" + value : value;
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    static boolean startsLikeAFormula(String value) {
        int first = value.codePointAt(0);
        if (Character.isWhitespace(first) || Character.isSpaceChar(first) || Character.isISOControl(first)) {
            return true;
        }
        if (FORMULA_STARTS.indexOf(first) >= 0) {
            return true;
        }
        if (first < 0x80) {
            return false;
        }
        String compatible = Normalizer.normalize(new String(Character.toChars(first)), Normalizer.Form.NFKC);
        return !compatible.isEmpty() && FORMULA_STARTS.indexOf(compatible.charAt(0)) >= 0;
    }
}
