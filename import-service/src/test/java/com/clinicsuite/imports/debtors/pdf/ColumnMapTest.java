package com.clinicsuite.imports.debtors.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 24 point 4: the explicit column map, consulted before the heading vocabulary. */
class ColumnMapTest {

    @Test
    void mappedMultiWordHeadingsAreReadBeforeTheVocabulary_andTheRestByIt() {
        TextLine line = line("Acct", "Client", "Now", "Past", "Month", "60", "Days", "Amount", "Owing");
        assertTrue(ColumnLayout.detect(line).isEmpty(), "the vocabulary alone sees no heading line");

        ColumnMap map = ColumnMap.of(
                Map.of("client", "name", "NOW", "current", "past  month", "d30", "Amount Owing", "balance"));
        Optional<ColumnLayout> layout = ColumnLayout.detect(line, map);

        assertTrue(layout.isPresent());
        assertEquals(
                List.of(Bucket.CURRENT, Bucket.D30, Bucket.D60, Bucket.BALANCE),
                layout.get().amountColumns());
        assertEquals(10f, layout.get().name().orElseThrow().x0());
        assertEquals(20f, layout.get().name().orElseThrow().x1(), "the name column ends at the next heading");
        assertTrue(
                layout.get().describe().contains("Past Month -> 30 days (column_map)"),
                layout.get().describe());
        assertTrue(
                layout.get().describe().contains("60 Days -> 60 days,"),
                layout.get().describe());
    }

    @Test
    void aMapNamingOneAmountColumnDoesNotMakeAHeadingLine() {
        TextLine line = line("Owing", "R", "100.00");
        assertTrue(ColumnLayout.detect(line, ColumnMap.of(Map.of("Owing", "balance")))
                .isEmpty());
    }

    @Test
    void unknownFieldsAndEmptyHeadingsAreRefusedWithTheAllowedFields() {
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> ColumnMap.of(Map.of("Owing", "total")));
        assertTrue(unknown.getMessage().contains("unknown field 'total'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains(ColumnMap.Field.allowed()), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnMap.of(Map.of("  ", "balance")));
        assertEquals(
                "acc_no, name, current, d30, d60, d90, d120, d150, d180, balance, phone, cell, email",
                ColumnMap.Field.allowed());
    }

    /**
     * Swapped buckets reconcile (the totals row is read with the same map), so a map that sends a heading the
     * vocabulary reads as one amount column to another is refused, naming the heading and how it reads.
     */
    @Test
    void aMapContradictingTheVocabularyIsRefused_namingHowTheHeadingReads() {
        IllegalArgumentException swapped = assertThrows(
                IllegalArgumentException.class,
                () -> ColumnMap.of(new java.util.LinkedHashMap<>(Map.of("60 Days", "d30"))));
        assertTrue(
                swapped.getMessage().contains("heading '60 Days' reads as the 60 days column (d60)"),
                swapped.getMessage());
        assertTrue(swapped.getMessage().contains("sends it to d30"), swapped.getMessage());
        IllegalArgumentException current =
                assertThrows(IllegalArgumentException.class, () -> ColumnMap.of(Map.of("Curr", "balance")));
        assertTrue(current.getMessage().contains("'Curr' reads as the Current column (current)"), current.getMessage());
        IllegalArgumentException total =
                assertThrows(IllegalArgumentException.class, () -> ColumnMap.of(Map.of("Total", "d180")));
        assertTrue(total.getMessage().contains("(balance)"), total.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnMap.of(Map.of("180 Days+", "name")));
        assertThrows(IllegalArgumentException.class, () -> ColumnMap.of(Map.of("Over 90", "d120")));

        // what the vocabulary reads the same way, or does not read as an amount at all, is accepted
        ColumnMap agreeing = ColumnMap.of(Map.of(
                "60 Days", "d60",
                "Balance Due", "balance",
                "120+", "d120",
                "1 Month", "d30",
                "12 Months+", "d180",
                "Owing", "balance",
                "Cell No", "phone"));
        assertEquals(7, agreeing.fields().size());
    }

    @Test
    void mapsBeyondTheBoundsAreRefused() {
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i <= ColumnMap.MAX_HEADINGS; i++) {
            many.put("Heading " + i, "d30");
        }
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> ColumnMap.of(many));
        assertTrue(tooMany.getMessage().contains("at most " + ColumnMap.MAX_HEADINGS), tooMany.getMessage());
        String longHeading = "X".repeat(ColumnMap.MAX_HEADING_LENGTH + 1);
        IllegalArgumentException tooLong =
                assertThrows(IllegalArgumentException.class, () -> ColumnMap.of(Map.of(longHeading, "balance")));
        assertTrue(tooLong.getMessage().contains("longer than"), tooLong.getMessage());
        assertEquals(
                1,
                ColumnMap.of(Map.of("X".repeat(ColumnMap.MAX_HEADING_LENGTH), "balance"))
                        .fields()
                        .size());
    }

    private static TextLine line(String... words) {
        List<TextToken> tokens = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            tokens.add(new TextToken(words[i], i * 10f, i * 10f + 8f, 0));
        }
        return new TextLine(tokens);
    }
}
