// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.pool.PagePool;

/**
 * The spec's "Lexical rules", read from bytes as a file is: each case of the
 * issue that made them exact (the golden scripts 20 and err-10..13) and the
 * edges around them.
 */
class LexicalRulesTest {
    private static Script parse(byte[] bytes) throws Exception {
        return ScriptFiles.parse("t.pool", new ByteArrayInputStream(bytes));
    }

    private static Script parse(String text) throws Exception {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ScriptSyntaxError error(byte[] bytes) {
        ScriptSyntaxError e = catchThrowableOfType(ScriptSyntaxError.class, () -> parse(bytes));
        assertThat(e).as("a syntax error").isNotNull();
        return e;
    }

    private static ScriptSyntaxError error(String text) {
        return error(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkippedAndCrLfLinesAreFine() throws Exception {
        Script s = parse(bytes(0xef, 0xbb, 0xbf, "memory pages=256\r\ncreate\r\nalloc n=2\r\n"));
        assertThat(s.commands()).extracting(Command::word).containsExactly("memory", "create", "alloc");
        assertThat(s.sourceLines()).containsExactly("memory pages=256", "create", "alloc n=2");
    }

    @Test
    void aByteOrderMarkElsewhereIsNotWhiteSpace() {
        ScriptSyntaxError e = error(bytes("create\n", 0xef, 0xbb, 0xbf, "alloc\n"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("U+FEFF");
    }

    @Test
    void crVtAndFfSeparateWordsLikeSpaceAndTab() throws Exception {
        Script s = parse("create\u000bsize=64\fflags=DMA_MAP   \nput\rp=p0x40 direct=1\n");
        Command.Create create = (Command.Create) s.commands().get(0);
        assertThat(create.params().poolSize()).isEqualTo(64);
        assertThat(create.params().flags()).isEqualTo(PagePool.PP_FLAG_DMA_MAP);
        assertThat(s.commands().get(1)).isEqualTo(new Command.Put(2, 64, -1, true));
    }

    @Test
    void aHandleNumberFollowsTheNumberRules() throws Exception {
        assertThat(parse("recycle p=p0x40\nrecycle p=0x40\nrecycle p=p64\n").commands())
                .extracting(c -> ((Command.Recycle) c).handle()).containsExactly(64, 64, 64);
        assertThat(error("recycle p=p-1").getMessage()).contains("p-1");
    }

    @Test
    void aMinusSignOnlyWhereNegativesAreAllowed() throws Exception {
        ScriptSyntaxError e = error("memory pages=256\ntick ms=-0\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("ms").contains("\"-0\"").contains("0..2147483647");
        assertThat(error("alloc n=-0").getMessage()).contains("minus");
        assertThat(error("put p=1 direct=-0").getMessage()).contains("minus");
        assertThat(parse("update_nid nid=-0\nupdate_nid nid=-1\n").commands())
                .containsExactly(new Command.UpdateNid(1, 0), new Command.UpdateNid(2, -1));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x2003, 0x00a0, 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0x3000})
    void otherSpacesArePartOfTheWordTheyTouch(int codePoint) {
        String space = new String(Character.toChars(codePoint));
        ScriptSyntaxError e = error("memory pages=256\ntick ms=5" + space + "\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains(String.format("U+%04X", codePoint)).doesNotContain(space);
        ScriptSyntaxError between = error("tick" + space + "ms=5");
        assertThat(between.line()).isEqualTo(1);
    }

    @Test
    void aNulByteIsAnErrorOnItsLineEvenInAComment() {
        ScriptSyntaxError inComment = error(bytes("memory pages=256\ntick ms=5  # ", 0, "\ncreate\n"));
        assertThat(inComment.line()).isEqualTo(2);
        assertThat(inComment.getMessage()).contains("NUL");
        assertThat(error(bytes("create\nalloc", 0, "n=2\n")).line()).isEqualTo(2);
        assertThat(error(bytes("create\nalloc n=2\n", 0)).line()).as("a last line without newline").isEqualTo(3);
    }

    @Test
    void aCommentMayHoldAnyByteButNul() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("create # ".getBytes(StandardCharsets.US_ASCII));
        for (int b = 1; b < 256; b++) {
            if (b != '\n') {
                file.write(b);
            }
        }
        file.writeBytes("\nalloc\n".getBytes(StandardCharsets.US_ASCII));
        Script s = parse(file.toByteArray());
        assertThat(s.commands()).extracting(Command::word).containsExactly("create", "alloc");
    }

    @Test
    void aBadByteIsReportedOnItsOwnLineNotAsTheWholeFile() {
        ScriptSyntaxError first = error(bytes("tick ms=x\n# ", 0xff, "\n"));
        assertThat(first.line()).as("the first bad line, not the later comment").isEqualTo(1);
        ScriptSyntaxError third = error(bytes("# fine\nmemory pages=256\ntick ms=5", 0xff, "\n# ", 0xff, "\n"));
        assertThat(third.line()).isEqualTo(3);
        assertThat(third.getMessage()).contains("0xFF");
    }

    @Test
    void nonAsciiOutsideACommentIsNamed() {
        ScriptSyntaxError e = error("créate");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("U+00E9").contains("ASCII");
    }

    @Test
    void controlCharactersFailTheirWordAndAreShownEscaped() {
        ScriptSyntaxError e = error("alloc n=2\u0007");
        assertThat(e.getMessage()).contains("U+0007").doesNotContain("\u0007");
        assertThat(error("tick ms=1\u007f").getMessage()).contains("U+007F");
    }

    @Test
    void aFileWithCrOnlyLineEndingsSaysSo() {
        ScriptSyntaxError e = error("memory pages=256\rcreate\ralloc\r");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("CR only");
    }

    @Test
    void aMegabyteBadNumberIsQuotedShort() {
        String digits = "9".repeat(1 << 19) + "x";
        ScriptSyntaxError e = error("tick ms=" + digits);
        assertThat(e.getMessage()).hasSizeLessThan(200).contains("…");
        ScriptSyntaxError big = error("tick ms=" + "9".repeat(1 << 19));
        assertThat(big.getMessage()).contains("out of range").hasSizeLessThan(200);
    }

    @Test
    void aLineLongerThanAMegabyteBeforeItsCommentIsRefused() {
        ScriptSyntaxError e = error("create\nalloc n=" + "0".repeat(ScriptLineReader.MAX_CODE_BYTES) + "1\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("longer than");
    }

    @Test
    void whiteSpaceOfAnyLengthIsIgnoredOrSeparates() throws Exception {
        // the spec sets no length: leading white space is ignored and a run of it separates as one space does
        String run = " \t\u000b\f".repeat(ScriptLineReader.MAX_CODE_BYTES / 2);
        Script s = parse("create\n" + run + "alloc" + run + "n=2" + run + "\n");
        assertThat(s.commands()).extracting(Command::line).containsExactly(1, 2);
        assertThat(s.commands().get(1).toString()).isEqualTo("Alloc[line=2, n=2]");
    }

    @Test
    void aLongCommentIsNotKept() throws Exception {
        Script s = parse("create # " + "c".repeat(3 * ScriptLineReader.MAX_CODE_BYTES) + "\nalloc\n");
        assertThat(s.commands()).extracting(Command::line).containsExactly(1, 2);
    }

    @Test
    void commandsStreamInOrderAndReadingCanStop() throws Exception {
        Path file = Files.createTempFile("stream", ".pool");
        try {
            Files.writeString(file, "create\n\n# c\nalloc n=2\nstats\nbuddy\n");
            List<Integer> seen = new ArrayList<>();
            ScriptFiles.forEachCommand(file, c -> {
                seen.add(c.line());
                return c.line() < 5;
            });
            assertThat(seen).containsExactly(1, 4, 5);
        } finally {
            Files.delete(file);
        }
    }
}
