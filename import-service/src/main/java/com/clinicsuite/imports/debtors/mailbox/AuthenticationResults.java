package com.clinicsuite.imports.debtors.mailbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header field (RFC 8601): the authserv-id of the server that added it and the
 * results it reports. Parsed by the grammar, not by searching the text: comments ({@code (...)}, nested, with quoted
 * pairs) are removed first, quoted strings are kept whole, and whitespace is allowed around {@code =} and {@code /},
 * so {@code dkim=pass (sig "a; b") header.d=x.example} cannot smuggle a result in a comment or a quoted value.
 *
 * @param authservId lower case
 */
public record AuthenticationResults(String authservId, List<Result> results) {

    /**
     * @param method     lower case, without a version ({@code dkim}, {@code spf}, {@code dmarc} ...)
     * @param result     lower case ({@code pass}, {@code fail}, {@code none} ...)
     * @param properties {@code ptype.property} (lower case) to value, unquoted ({@code header.d} to {@code x.example});
     *                   also {@code reason} and the other {@code key=value} words some servers add; the first wins
     */
    public record Result(String method, String result, Map<String, String> properties) {

        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }
    }

    public AuthenticationResults {
        results = List.copyOf(results);
    }

    /** The header's value (folded or not); empty when it does not follow the grammar. */
    public static Optional<AuthenticationResults> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = withoutComments(value.replaceAll("\\r?\\n(?=[ \\t])", ""));
        if (text == null) {
            return Optional.empty();
        }
        List<String> parts = split(text, ';');
        if (parts == null || parts.isEmpty()) {
            return Optional.empty();
        }
        List<String> head = tokens(parts.get(0));
        if (head == null || head.isEmpty() || head.size() > 2) {
            return Optional.empty(); // authserv-id [version]
        }
        String authservId = unquote(head.get(0)).toLowerCase(Locale.ROOT);
        if (authservId.isEmpty() || (head.size() == 2 && !head.get(1).chars().allMatch(Character::isDigit))) {
            return Optional.empty();
        }
        List<Result> results = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            List<String> tokens = tokens(normalise(parts.get(i)));
            if (tokens == null) {
                return Optional.empty();
            }
            if (tokens.isEmpty() || (tokens.size() == 1 && "none".equalsIgnoreCase(tokens.get(0)))) {
                continue; // "none": no results; an empty resinfo (a trailing ";") carries nothing
            }
            Result result = result(tokens);
            if (result == null) {
                return Optional.empty();
            }
            results.add(result);
        }
        return Optional.of(new AuthenticationResults(authservId, results));
    }

    /** {@code method[/version]=result [reason=value] [ptype.property=value ...]}; null when malformed. */
    private static Result result(List<String> tokens) {
        String[] methodSpec = tokens.get(0).split("=", 2);
        if (methodSpec.length != 2 || methodSpec[0].isEmpty() || methodSpec[1].isEmpty()) {
            return null;
        }
        String method = methodSpec[0];
        int slash = method.indexOf('/');
        if (slash >= 0) {
            method = method.substring(0, slash);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String token : tokens.subList(1, tokens.size())) {
            int equals = token.indexOf('=');
            if (equals <= 0) {
                continue; // not a property; some servers add bare words (Microsoft's "action=none" is kept as a key)
            }
            properties.putIfAbsent(
                    token.substring(0, equals).toLowerCase(Locale.ROOT), unquote(token.substring(equals + 1)));
        }
        return new Result(
                method.toLowerCase(Locale.ROOT), unquote(methodSpec[1]).toLowerCase(Locale.ROOT), properties);
    }

    /** Comments replaced by a space (they separate tokens); null when a comment or quoted string is left open. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth > 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    out.append(' ');
                }
            } else if (quoted) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '(') {
                depth = 1;
            } else {
                if (c == '"') {
                    quoted = true;
                }
                out.append(c);
            }
        }
        return depth == 0 && !quoted ? out.toString() : null;
    }

    /** Whitespace around {@code =}, {@code /} and a property's {@code .} removed, outside quoted strings. */
    private static String normalise(String resinfo) {
        StringBuilder out = new StringBuilder(resinfo.length());
        boolean quoted = false;
        for (int i = 0; i < resinfo.length(); i++) {
            char c = resinfo.charAt(i);
            if (quoted) {
                out.append(c);
                if (c == '\\' && i + 1 < resinfo.length()) {
                    out.append(resinfo.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            }
            if (c == '=' || c == '/') {
                while (out.length() > 0 && isSpace(out.charAt(out.length() - 1))) {
                    out.setLength(out.length() - 1);
                }
                out.append(c);
                while (i + 1 < resinfo.length() && isSpace(resinfo.charAt(i + 1))) {
                    i++;
                }
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Splits on {@code separator} outside quoted strings; null when a quote is left open. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return quoted ? null : parts;
    }

    /** Whitespace-separated tokens, a quoted string staying in its token; null when a quote is left open. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                token.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && isSpace(c)) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return quoted ? null : tokens;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
