package com.clinicsuite.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.web.input.ControlCharacters;
import org.junit.jupiter.api.Test;

/** The character rule on its own. */
class ControlCharactersTest {

    @Test
    void freeTextMayHoldTabsAndLineBreaksButNoOtherControl() {
        assertThat(ControlCharacters.firstInText("line\tone\r\nline two")).isEmpty();
        assertThat(ControlCharacters.firstInText("Ωmega 😀 ß")).isEmpty();
        assertThat(ControlCharacters.firstInText("AB\u0000CD")).hasValue(2);
        assertThat(ControlCharacters.firstInText("x\u001f")).hasValue(1);
        assertThat(ControlCharacters.firstInText("x\u007f")).hasValue(1);
        assertThat(ControlCharacters.firstInText("\ud83d")).hasValue(0); // a high surrogate alone
        assertThat(ControlCharacters.firstInText("a\ude00")).hasValue(1); // a low surrogate alone
        assertThat(ControlCharacters.firstInText("\u0085 NEL is C1: allowed in text"))
                .isEmpty();
        assertThat(ControlCharacters.firstInText(null)).isEmpty();
    }

    @Test
    void namesHoldNoControlAtAll() {
        assertThat(ControlCharacters.firstInName("café 😀")).isEmpty();
        assertThat(ControlCharacters.firstInName("a\tb")).hasValue(1);
        assertThat(ControlCharacters.firstInName("a\nb")).hasValue(1);
        assertThat(ControlCharacters.firstInName("a\u0085")).hasValue(1);
        assertThat(ControlCharacters.printable("k\u0000ey😀")).isEqualTo("k\uFFFDey😀");
    }
}
