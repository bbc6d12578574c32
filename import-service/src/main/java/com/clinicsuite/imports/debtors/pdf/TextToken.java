package com.clinicsuite.imports.debtors.pdf;

/**
 * A run of non-blank characters on a printed line with its horizontal extent (PDF points). {@code cell} numbers
 * the text run the PDF drew it in: tokens of one cell were drawn as one string (a fixed-width line, or one table
 * cell such as {@code "1 234.56"}), tokens of different cells were placed apart by the report writer.
 */
public record TextToken(String text, float x0, float x1, int cell) {}
