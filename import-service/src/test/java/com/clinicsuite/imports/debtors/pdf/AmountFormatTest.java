package com.clinicsuite.imports.debtors.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every form of money the reports print, as a table: printed text (space-grouped amounts as the line reader joins
 * them) and the exact value, or nothing when the text is not an amount.
 */
class AmountFormatTest {

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                // plain, as DEB013 prints them
                "1234.56       | 1234.56",
                ".97           | 0.97",
                "0.00          | 0.00",
                "45.76-        | -45.76",
                "-158.47       | -158.47",
                "(158.47)      | -158.47",
                // thousands separators
                "1,234.56      | 1234.56",
                "12,345,678.90 | 12345678.90",
                "1 234.56      | 1234.56",
                "-1 234 567.89 | -1234567.89",
                "(1,234.56)    | -1234.56",
                // rand prefixes (issue 24: R3 380.75, -R895.71)
                "R3 380.75     | 3380.75",
                "-R895.71      | -895.71",
                "R-895.71      | -895.71",
                "R1,200.00     | 1200.00",
                "R 1 234.56    | 1234.56",
                "R(50.00)      | -50.00",
                "R0.00         | 0.00",
                "R12 345 678.01| 12345678.01",
                // a dash for zero
                "-             | 0.00",
                "R-            | 0.00",
                "\u2013        | 0.00",
                // not amounts
                "000947        | none",
                "BROW423       | none",
                "9             | none",
                "1234.5        | none",
                "12.345        | none",
                "0123.00       | none",
                "1,234 567.00  | none",
                "-45.76-       | none",
                "(45.76        | none",
                "45.76)        | none",
                "--            | none",
                "R             | none",
                "R--           | none",
                "12345678901234.00 | none",
                "1,23.45       | none",
            })
    void readsEveryPrintedForm(String text, String expected) {
        BigDecimal value = AmountFormat.parse(text);
        if (expected == null) {
            assertNull(value, text);
        } else {
            assertEquals(new BigDecimal(expected), value, text);
            assertEquals(2, value.scale(), "two decimals: " + text);
        }
    }

    /** A line of the amounts, read as account line: the balance-first column order, dashes as zeros. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "A1 Mr P Nkosi R3 380.75 R3 380.75 - - - - - -             | 3380.75,3380.75,0,0,0,0,0,0",
                "A2 Mrs L Botha -R895.71 -R895.71 - - - - - -              | -895.71,-895.71,0,0,0,0,0,0",
                "A3 FARM PLOT 9 1,234.56 - 1,000.00 234.56 - - - -         | 1234.56,0,1000.00,234.56,0,0,0,0",
                "A4 SMITH - JONES 10.00 - - - - - - 10.00                  | 10.00,0,0,0,0,0,0,10.00",
            })
    void readsBalanceFirstLinesWithDashesAndRandPrefixes(String line, String expected) {
        ColumnLayout layout = ColumnLayout.detect(tokens("ACC NAME BALANCE CURR 30 60 90 120 150 180+"))
                .orElseThrow();
        AccountLineParser.AccountLine account =
                new AccountLineParser(layout).parse(tokens(line)).orElseThrow();
        List<BigDecimal> values = new ArrayList<>();
        for (String v : expected.split(",")) {
            values.add(new BigDecimal(v).setScale(2));
        }
        AgeingAmounts a = account.amounts();
        assertEquals(
                values,
                List.of(a.balance(), a.current(), a.d30(), a.d60(), a.d90(), a.d120(), a.d150(), a.d180()),
                line);
        assertEquals(true, account.balanced(), line);
    }

    private static TextLine tokens(String text) {
        List<TextToken> tokens = new ArrayList<>();
        int column = 0;
        for (String word : text.split(" +")) {
            tokens.add(new TextToken(word, column * 4.2f, (column + word.length()) * 4.2f, 1));
            column += word.length() + 1;
        }
        return new TextLine(tokens);
    }
}
