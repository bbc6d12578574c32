package com.clinicsuite.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredTextTest {

    @Test
    void fileNamesLoseTheirPathAndControlCharactersAndKeepTheirExtensionWhenCut() {
        assertThat(StoredText.filename("C:\\Users\\x\\report.pdf", "f")).isEqualTo("report.pdf");
        assertThat(StoredText.filename("/tmp/../a/b.xlsx", "f")).isEqualTo("b.xlsx");
        assertThat(StoredText.filename("re\u0000po\r\nrt.pdf", "f")).isEqualTo("report.pdf");
        assertThat(StoredText.filename("  ", "fallback")).isEqualTo("fallback");
        assertThat(StoredText.filename(null, "fallback")).isEqualTo("fallback");
        String cut = StoredText.filename("n".repeat(10_000) + ".pdf", "f");
        assertThat(cut).hasSize(StoredText.MAX_FILENAME).endsWith("n.pdf");
    }

    @Test
    void textIsCutToItsColumnWithoutSplittingACharacter() {
        assertThat(StoredText.bounded("short", 10)).isEqualTo("short");
        assertThat(StoredText.bounded("x".repeat(20), 10)).isEqualTo("xxxxxxx...");
        String emoji = "a".repeat(6) + "\uD83D\uDE00" + "b".repeat(10); // the surrogate pair would straddle the cut
        assertThat(StoredText.bounded(emoji, 10)).isEqualTo("aaaaaa...");
        assertThat(StoredText.bounded("a\u0000b", 10)).isEqualTo("ab");
        assertThat(StoredText.bounded(null, 10)).isNull();
    }

    @Test
    void cutKeepsAtMostTheColumnsSizeAndNeverHalfACharacter() {
        assertThat(StoredText.cut("short", 10)).isEqualTo("short");
        assertThat(StoredText.cut("x".repeat(20), 10)).isEqualTo("x".repeat(10));
        assertThat(StoredText.cut("a".repeat(9) + "\uD83D\uDE00", 10)).isEqualTo("a".repeat(9));
        assertThat(StoredText.cut(null, 10)).isNull();
        assertThat(StoredText.cut("x".repeat(20), 10, "\u2026")).isEqualTo("x".repeat(9) + "\u2026");
        assertThat(StoredText.cut("x".repeat(10), 10, "\u2026")).isEqualTo("x".repeat(10));
    }

    @Test
    void controlCharactersAndLoneSurrogatesGoPairsStay() {
        assertThat(StoredText.withoutControls("a\u0000b\r\nc\u007Fd\u0085e")).isEqualTo("abcde");
        assertThat(StoredText.withoutControls("a\uD83Db\uDE00c")).isEqualTo("abc");
        assertThat(StoredText.withoutControls("a\uD83D\uDE00b")).isEqualTo("a\uD83D\uDE00b");
    }
}
