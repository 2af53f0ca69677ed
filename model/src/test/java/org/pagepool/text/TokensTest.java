// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void printableAsciiIsShownAsItIs() {
        assertThat(Tokens.quote("tick ms=5")).isEqualTo("\"tick ms=5\"");
    }

    @Test
    void controlCharactersAreNamedNeverPrintedRaw() {
        assertThat(Tokens.quote("a\0b\rc\u000bd\te\n\f")).isEqualTo("\"a\\0b\\rc\\vd\\te\\n\\f\"");
        assertThat(Tokens.quote("x\u001fy\u007f")).isEqualTo("\"xU+001FyU+007F\"");
    }

    @Test
    void invisibleSpacesAndOtherNonAsciiAreNamedByCodePoint() {
        assertThat(Tokens.quote("size=64\u00a0")).isEqualTo("\"size=64U+00A0\"");
        assertThat(Tokens.quote("\u2003")).isEqualTo("\"U+2003\"");
    }

    @Test
    void quotesAndBackslashesAreEscapedSoTheQuoteStaysReadable() {
        assertThat(Tokens.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    @Test
    void aLongTokenIsCutAfterFortyCharacters() {
        String megabyte = "9".repeat(1 << 20);
        String quoted = Tokens.quote(megabyte);
        assertThat(quoted).isEqualTo("\"" + "9".repeat(Tokens.SHOWN) + "…\"");
    }

    @Test
    void aByteIsShownInHex() {
        assertThat(Tokens.describeByte(0xff)).isEqualTo("byte 0xFF");
        assertThat(Tokens.describeByte((byte) 0x80)).isEqualTo("byte 0x80");
    }
}
