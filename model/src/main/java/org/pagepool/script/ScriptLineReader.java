// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.pagepool.text.Tokens;

/**
 * Splits a script's bytes into lines as they stream in, applying the lexical
 * rules that need the bytes: a byte-order mark at the very start is skipped; a
 * NUL anywhere, even in a comment, is an error on its line; a comment's bytes
 * are never decoded (they may be anything but NUL), so only the part before
 * {@code #} is kept and must be UTF-8 (the parser then requires ASCII and
 * names any other character). Memory is one line's code part, whatever the
 * file's length.
 */
final class ScriptLineReader {
    /** The longest code part (before any comment) a line may have; real lines are under a kilobyte. */
    static final int MAX_CODE_BYTES = 1 << 20;

    /** Receives each line's number and its code part (the text before {@code #}). */
    @FunctionalInterface
    interface Visitor {
        /** Returns false to stop reading. */
        boolean line(int number, String code) throws ScriptSyntaxError;
    }

    private final InputStream in;
    /** When not null, every line as a person would see it (for the window's Script tab). */
    private final List<String> shown;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private byte[] code = new byte[256];
    private int codeLength;
    private byte[] whole = new byte[256];
    private int wholeLength;
    private boolean inComment;
    private boolean nul;
    private int carriageReturns;
    private boolean sawNewline;
    private int number;

    ScriptLineReader(InputStream in, List<String> shown) {
        this.in = in;
        this.shown = shown;
    }

    void readAll(Visitor visitor) throws IOException, ScriptSyntaxError {
        boolean first = true;
        int n;
        while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
            int from = 0;
            if (first) {
                first = false;
                from = n >= 3 && (buffer[0] & 0xff) == 0xef && (buffer[1] & 0xff) == 0xbb
                        && (buffer[2] & 0xff) == 0xbf ? 3 : 0;
            }
            for (int i = from; i < n; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    sawNewline = true;
                    if (!endLine(visitor)) {
                        return;
                    }
                } else {
                    take(b);
                }
            }
            if (n < buffer.length) {
                break;
            }
        }
        if (codeLength > 0 || wholeLength > 0 || inComment || nul) {
            endLine(visitor);
        }
    }

    private void take(byte b) throws ScriptSyntaxError {
        if (b == 0) {
            nul = true;
        } else if (b == '\r') {
            carriageReturns++;
        }
        if (shown != null) {
            whole = append(whole, wholeLength++, b);
        }
        if (b == '#') {
            inComment = true;
        }
        if (!inComment) {
            if (Lexical.isSpace(b) && (codeLength == 0 || Lexical.isSpace(code[codeLength - 1]))) {
                return; // leading white space is ignored and a run separates as one byte does: none is kept
            }
            if (codeLength == MAX_CODE_BYTES) {
                throw new ScriptSyntaxError(number + 1, "line longer than " + MAX_CODE_BYTES
                        + " bytes before its comment (a .pool command is one short line)");
            }
            code = append(code, codeLength++, b);
        }
    }

    private static byte[] append(byte[] to, int at, byte b) {
        byte[] into = at < to.length ? to : Arrays.copyOf(to, to.length * 2);
        into[at] = b;
        return into;
    }

    private boolean endLine(Visitor visitor) throws ScriptSyntaxError {
        number++;
        try {
            if (nul) {
                throw new ScriptSyntaxError(number, Lexical.NUL_MESSAGE);
            }
            if (shown != null) {
                int end = wholeLength > 0 && whole[wholeLength - 1] == '\r' ? wholeLength - 1 : wholeLength;
                shown.add(new String(whole, 0, end, StandardCharsets.UTF_8));
            }
            return visitor.line(number, decodeCode());
        } catch (ScriptSyntaxError e) {
            throw crOnly(e);
        } finally {
            codeLength = 0;
            wholeLength = 0;
            inComment = false;
            nul = false;
            carriageReturns = 0;
        }
    }

    private String decodeCode() throws ScriptSyntaxError {
        for (int i = 0; i < codeLength; i++) {
            if (code[i] < 0) {
                try {
                    return strict.decode(ByteBuffer.wrap(code, 0, codeLength)).toString();
                } catch (CharacterCodingException e) {
                    throw new ScriptSyntaxError(number, Tokens.describeByte(firstNonAscii())
                            + " is not UTF-8 text: outside comments a .pool line is ASCII");
                }
            }
        }
        return new String(code, 0, codeLength, StandardCharsets.ISO_8859_1);
    }

    private int firstNonAscii() {
        for (int i = 0; i < codeLength; i++) {
            if (code[i] < 0) {
                return code[i];
            }
        }
        return 0;
    }

    /** A file whose lines end in CR alone reads as one long line: say so rather than only what broke. */
    private ScriptSyntaxError crOnly(ScriptSyntaxError e) {
        if (number == 1 && !sawNewline && carriageReturns >= 2) {
            return new ScriptSyntaxError(e.line(), e.getMessage() + " (this file's lines end in CR only;"
                    + " .pool lines end in LF or CR LF)");
        }
        return e;
    }
}
