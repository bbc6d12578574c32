package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.ApiLog;
import com.clinicsuite.vocabulary.StoredText;

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
        return StoredText.cut(StoredText.withoutControls(name == null ? "" : name), ApiLog.USER_NAME_LENGTH);
    }

    public static String method(String method) {
        return StoredText.cut(ascii(method == null ? "" : method), ApiLog.METHOD_LENGTH);
    }

    public static String endpoint(String endpoint) {
        return StoredText.cut(StoredText.withoutControls(endpoint == null ? "" : endpoint), ApiLog.ENDPOINT_LENGTH);
    }

    public static String voucherNumber(String voucher) {
        return voucher == null ? null : StoredText.cut(VoucherRule.searchForm(voucher), ApiLog.VOUCHER_NUMBER_LENGTH);
    }

    public static String clientIp(String address) {
        return address == null ? null : StoredText.cut(ascii(address), ApiLog.CLIENT_IP_LENGTH);
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
}
