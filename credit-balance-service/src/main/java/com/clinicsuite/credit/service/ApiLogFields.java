package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.ApiLog;

/**
 * What every API-log field becomes before it is queued, so that any row fits its column on both databases: first
 * normalised (control characters and lone surrogates removed - PostgreSQL cannot store NUL, UTF-8 cannot encode a
 * lone surrogate; the voucher in {@link VoucherRule#searchForm}), then cut to the column's size.
 *
 * <p>The size is counted in UTF-16 code units, never splitting a surrogate pair: that is SQL Server's NVARCHAR(n)
 * measure, and never more code points than PostgreSQL's VARCHAR(n) allows. The VARCHAR columns of the SQL Server
 * schema (method, client_ip) take ASCII only, so their bytes equal their characters in any code page.
 */
public final class ApiLogFields {

    private ApiLogFields() {}

    public static String userName(String name) {
        return cut(withoutControls(name == null ? "" : name), ApiLog.USER_NAME_LENGTH);
    }

    public static String method(String method) {
        return cut(ascii(method == null ? "" : method), ApiLog.METHOD_LENGTH);
    }

    public static String endpoint(String endpoint) {
        return cut(withoutControls(endpoint == null ? "" : endpoint), ApiLog.ENDPOINT_LENGTH);
    }

    public static String voucherNumber(String voucher) {
        return voucher == null ? null : cut(VoucherRule.searchForm(voucher), ApiLog.VOUCHER_NUMBER_LENGTH);
    }

    public static String clientIp(String address) {
        return address == null ? null : cut(ascii(address), ApiLog.CLIENT_IP_LENGTH);
    }

    /** Without control characters (C0, DEL, C1) and lone surrogates; everything else kept as it is. */
    static String withoutControls(String text) {
        if (clean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (!Character.isISOControl(c) && !Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Printable ASCII only; anything else becomes '?'. */
    static String ascii(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean printable = c >= 0x20 && c < 0x7F;
            if (!printable && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                out.append(printable ? c : '?'); // a surrogate pair becomes one '?'
            }
        }
        return out == null ? text : out.toString();
    }

    /** At most {@code units} UTF-16 code units, never ending in half a surrogate pair. */
    static String cut(String text, int units) {
        if (text.length() <= units) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(units - 1)) ? units - 1 : units;
        return text.substring(0, end);
    }

    private static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
