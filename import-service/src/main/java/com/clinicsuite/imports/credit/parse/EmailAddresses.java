package com.clinicsuite.imports.credit.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The addresses of an e-mail cell, which may hold several separated by {@code ,} or {@code ;}. */
public final class EmailAddresses {

    private static final Pattern SEPARATORS = Pattern.compile("[,;]");
    private static final Pattern ADDRESS = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");

    /** @param valid trimmed, lower-cased; @param invalid as written (trimmed) */
    public record Split(List<String> valid, List<String> invalid) {}

    private EmailAddresses() {}

    public static Split split(String cell) {
        List<String> valid = new ArrayList<>(1);
        List<String> invalid = new ArrayList<>(0);
        if (cell != null) {
            boolean several = cell.indexOf(',') >= 0 || cell.indexOf(';') >= 0;
            for (String part : several ? SEPARATORS.split(cell) : new String[] {cell}) {
                String address = part.strip();
                if (address.isEmpty()) {
                    continue;
                }
                if (ADDRESS.matcher(address).matches()) {
                    valid.add(address.toLowerCase(Locale.ROOT));
                } else {
                    invalid.add(address);
                }
            }
        }
        return new Split(List.copyOf(valid), List.copyOf(invalid));
    }
}
