// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.util.ArrayList;
import java.util.List;
import org.pagepool.text.Tokens;

/**
 * The spec's lexical rules for the part of a line before its comment: white
 * space is exactly space, tab, CR, VT and FF ({@code String.strip()} would
 * also take U+2003 or 0x1F, which must instead make their word fail), and
 * every other character is ASCII.
 */
final class Lexical {
    static final String NUL_MESSAGE = "NUL byte in the line (not allowed anywhere, not even in a comment)";

    private Lexical() {
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == 0x0b || c == '\f';
    }

    /** The words of {@code code}, split at runs of white space. */
    static String[] words(String code) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = code.length();
        while (i < n) {
            while (i < n && isSpace(code.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(code.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(code.substring(start, i));
            }
        }
        return words.toArray(new String[0]);
    }

    /** Refuses the first character of {@code code} that is not ASCII, naming it. */
    static void requireAscii(int line, String code) throws ScriptSyntaxError {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c >= 0x80) {
                int cp = code.codePointAt(i);
                String name = Character.getName(cp);
                throw new ScriptSyntaxError(line, String.format("U+%04X%s in %s: outside comments a .pool line is"
                        + " ASCII, and only space, tab, CR, VT and FF separate words", cp,
                        name == null ? "" : " " + name, Tokens.quote(wordAround(code, i))));
            }
        }
    }

    /** The word (between white space) that holds position {@code at}. */
    private static String wordAround(String code, int at) {
        int start = at;
        while (start > 0 && !isSpace(code.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < code.length() && !isSpace(code.charAt(end))) {
            end++;
        }
        return code.substring(start, end);
    }
}
