// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.text;

/**
 * Quoting what a user wrote inside an error message: the message must show a
 * bad token so that a person can find it, but never print control characters
 * raw (a CR would overwrite the line, a NUL vanish) and never repeat a
 * megabyte of input. Linear in the part it shows, whatever the input's length.
 */
public final class Tokens {
    /** Characters of the input a message shows at most; longer input is cut and ends in {@code …}. */
    public static final int SHOWN = 40;

    private Tokens() {
    }

    /** {@code text} in double quotes, escaped, cut after {@value #SHOWN} characters. */
    public static String quote(CharSequence text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), SHOWN) + 8).append('"');
        int end = Math.min(text.length(), SHOWN);
        for (int i = 0; i < end; i++) {
            appendEscaped(out, text.charAt(i));
        }
        if (text.length() > SHOWN) {
            out.append('…');
        }
        return out.append('"').toString();
    }

    /** One character as a message shows it: printable ASCII as itself, anything else named. */
    public static String escape(char c) {
        return appendEscaped(new StringBuilder(6), c).toString();
    }

    private static StringBuilder appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case 0: return out.append("\\0");
            case '\t': return out.append("\\t");
            case '\n': return out.append("\\n");
            case '\r': return out.append("\\r");
            case 0x0b: return out.append("\\v");
            case '\f': return out.append("\\f");
            case '\\': return out.append("\\\\");
            case '"': return out.append("\\\"");
            default:
                if (c >= 0x20 && c < 0x7f) {
                    return out.append(c);
                }
                // controls, DEL and every non-ASCII character (invisible spaces look like spaces)
                return out.append(String.format("U+%04X", (int) c));
        }
    }

    /**
     * {@code text} without the spaces and tabs around it. Not {@link String#strip()}: a Unicode
     * space (U+00A0, U+2003) that looks like a blank must stay, so that the value it sticks to is
     * refused with a message that names it.
     */
    public static String blankStripped(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** A raw byte of a file as a message shows it, e.g. {@code byte 0xFF}. */
    public static String describeByte(int b) {
        return String.format("byte 0x%02X", b & 0xff);
    }
}
