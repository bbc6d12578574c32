package com.clinicsuite.imports.debtors.pdf;

import java.util.List;
import java.util.stream.Collectors;

/** One printed line of a page, as tokens in reading order; {@code y} its baseline (PDF points), NaN when unknown. */
public record TextLine(List<TextToken> tokens, float y) {

    public TextLine {
        tokens = List.copyOf(tokens);
    }

    public TextLine(List<TextToken> tokens) {
        this(tokens, Float.NaN);
    }

    /** The line single-spaced: how names and labelled values are kept. */
    public String text() {
        return tokens.stream().map(TextToken::text).collect(Collectors.joining(" "));
    }

    public int size() {
        return tokens.size();
    }

    public TextToken token(int index) {
        return tokens.get(index);
    }

    /** True for rules drawn with characters ({@code ----}, {@code ====}) and blank lines. */
    public boolean isRule() {
        for (TextToken token : tokens) {
            for (int i = 0; i < token.text().length(); i++) {
                char c = token.text().charAt(i);
                if (c != '-' && c != '=' && c != '_' && c != '*') {
                    return false;
                }
            }
        }
        return true;
    }
}
