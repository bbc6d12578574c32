package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.Debtor;
import io.smallrye.mutiny.Multi;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The debtors CSV (RFC 4180, CRLF). Text cells that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) get a leading apostrophe; amounts are written as plain numbers, so a credit stays
 * a negative number.
 */
public final class DebtorCsv {

    public static final String HEADER =
            "Account No,Name,Current,30 Days,60 Days,90 Days,120 Days,150 Days,180 Days,Balance,Email,Phone";
    private static final int ROWS_PER_CHUNK = 500;

    private DebtorCsv() {}

    /** The file as a stream of text chunks: the header, then rows a few hundred at a time. */
    public static Multi<String> stream(List<Debtor> debtors) {
        List<List<Debtor>> chunks = new ArrayList<>();
        for (int i = 0; i < debtors.size(); i += ROWS_PER_CHUNK) {
            chunks.add(debtors.subList(i, Math.min(debtors.size(), i + ROWS_PER_CHUNK)));
        }
        return Multi.createBy()
                .concatenating()
                .streams(
                        Multi.createFrom().item(HEADER + "\r\n"),
                        Multi.createFrom().iterable(chunks).map(DebtorCsv::rows));
    }

    private static String rows(List<Debtor> debtors) {
        StringBuilder out = new StringBuilder(debtors.size() * 128);
        for (Debtor d : debtors) {
            out.append(text(d.accNo))
                    .append(',')
                    .append(text(d.name))
                    .append(',')
                    .append(amount(d.current))
                    .append(',')
                    .append(amount(d.d30))
                    .append(',')
                    .append(amount(d.d60))
                    .append(',')
                    .append(amount(d.d90))
                    .append(',')
                    .append(amount(d.d120))
                    .append(',')
                    .append(amount(d.d150))
                    .append(',')
                    .append(amount(d.d180))
                    .append(',')
                    .append(amount(d.balance))
                    .append(',')
                    .append(text(d.email))
                    .append(',')
                    .append(text(d.phone))
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
        String cell = switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
