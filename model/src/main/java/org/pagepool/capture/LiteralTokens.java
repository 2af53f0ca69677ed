// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.io.IOException;
import org.pagepool.text.Tokens;

/**
 * Tokens of JSON and of the Python literals the YNL CLI prints (pprint of
 * lists and dicts: single-quoted strings, {@code True}/{@code False}/{@code None}),
 * pulled from a {@link LineReader} across lines. A line that starts with
 * {@code #} outside any value is a {@link Kind#HEADER}. Strings do not span
 * lines (neither printer breaks one). Nothing here holds more than one line.
 */
final class LiteralTokens {
    /** What a token is. */
    enum Kind { OPEN_OBJECT, CLOSE_OBJECT, OPEN_LIST, CLOSE_LIST, COLON, COMMA, STRING, NUMBER, WORD, HEADER, END }

    private final LineReader reader;
    private final String file;
    private final ByteLine line = new ByteLine();
    private int position;
    private boolean haveLine;
    private boolean atLineStart;
    /** Open brackets and braces: a # line inside a value is an error, outside it a header. */
    int depth;
    /** Dropping the lines of a message ({@link #skipMessage}). */
    private boolean skipping;

    Kind kind;
    /** The text of a STRING (unquoted, unescaped), NUMBER or WORD. */
    String text;
    /** The line the token is on. */
    long lineNumber;

    LiteralTokens(LineReader reader, String file) {
        this.reader = reader;
        this.file = file;
    }

    /** The current line (valid until the next token is read), for a HEADER. */
    ByteLine line() {
        return line;
    }

    /**
     * Drops the rest of this line and the lines after it up to the next that
     * begins with {@code #}, {@code [} or <code>{</code>: a message printed
     * between the dumps (the YNL CLI's "Netlink error: ..." and its details).
     */
    void skipMessage() {
        position = line.end;
        skipping = true;
    }

    Kind next() throws IOException, CaptureException {
        while (true) {
            if (!haveLine || position >= line.end) {
                if (!reader.next(line)) {
                    kind = Kind.END;
                    text = null;
                    lineNumber = reader.lineNumber();
                    return kind;
                }
                haveLine = true;
                atLineStart = true;
                position = line.start;
                if (skipping) {
                    int first = line.skipSpaces(position);
                    byte c = first < line.end ? line.bytes[first] : 0;
                    if (c != '#' && c != '[' && c != '{') {
                        position = line.end;
                        continue;
                    }
                    skipping = false;
                }
            }
            position = line.skipSpaces(position);
            if (position >= line.end) {
                continue;
            }
            lineNumber = line.number;
            byte c = line.bytes[position];
            if (atLineStart && c == '#') {
                if (depth > 0) {
                    throw error("a # line inside a dump: the dump before it is not complete");
                }
                position = line.end;
                kind = Kind.HEADER;
                return kind;
            }
            atLineStart = false;
            return token(c);
        }
    }

    private Kind token(byte c) throws CaptureException {
        text = null;
        switch (c) {
            case '{': position++; depth++; return kind = Kind.OPEN_OBJECT;
            case '}': position++; depth--; return kind = Kind.CLOSE_OBJECT;
            case '[': position++; depth++; return kind = Kind.OPEN_LIST;
            case ']': position++; depth--; return kind = Kind.CLOSE_LIST;
            case ':': position++; return kind = Kind.COLON;
            case ',': position++; return kind = Kind.COMMA;
            case '\'':
            case '"':
                return string(c);
            default:
                break;
        }
        int start = position;
        if (c == '-' || ByteLine.isDigit(c)) {
            position++;
            while (position < line.end && (ByteLine.isDigit(line.bytes[position]) || line.bytes[position] == '.'
                    || line.bytes[position] == 'e' || line.bytes[position] == 'E' || line.bytes[position] == '+'
                    || line.bytes[position] == '-')) {
                position++;
            }
            text = line.text(start, position);
            return kind = Kind.NUMBER;
        }
        while (position < line.end && Character.isLetter(line.bytes[position])) {
            position++;
        }
        if (position > start) {
            text = line.text(start, position);
            return kind = Kind.WORD;
        }
        throw error("unexpected " + Tokens.quote(line.text(start, Math.min(line.end, start + 20)))
                + " (expected JSON or the Python literals of the YNL CLI)");
    }

    private Kind string(byte quote) throws CaptureException {
        StringBuilder s = new StringBuilder();
        int i = position + 1;
        while (i < line.end && line.bytes[i] != quote) {
            byte b = line.bytes[i];
            if (b == '\\' && i + 1 < line.end) {
                i++;
                byte e = line.bytes[i];
                s.append(e == 'n' ? '\n' : e == 't' ? '\t' : (char) e);
            } else {
                s.append((char) (b & 0xff));
            }
            i++;
        }
        if (i >= line.end) {
            throw error("a string that does not end on its line: " + Tokens.quote(line.text(position, line.end)));
        }
        position = i + 1;
        text = s.toString();
        return kind = Kind.STRING;
    }

    CaptureException error(String message) {
        return new CaptureException(file, lineNumber, message);
    }
}
