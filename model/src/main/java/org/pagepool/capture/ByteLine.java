// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.nio.charset.StandardCharsets;

/**
 * One line of input as a window on a reused byte buffer: {@code bytes[start,
 * end)}, without its line end. Valid until the reader reads the next line, so
 * parsers take numbers out of it and keep nothing else.
 */
final class ByteLine {
    byte[] bytes = new byte[0];
    int start;
    int end;
    /** 1 for the first line of the file. */
    long number;

    void set(byte[] bytes, int start, int end, long number) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.number = number;
    }

    int length() {
        return end - start;
    }

    /** The first index in {@code [from, end)} where {@code ascii} starts, or -1. */
    int indexOf(String ascii, int from) {
        int n = ascii.length();
        byte first = (byte) ascii.charAt(0);
        for (int i = Math.max(from, start); i <= end - n; i++) {
            if (bytes[i] == first && matches(i, ascii)) {
                return i;
            }
        }
        return -1;
    }

    int indexOf(String ascii) {
        return indexOf(ascii, start);
    }

    /** Whether {@code ascii} is at index {@code at} (within the line). */
    boolean matches(int at, String ascii) {
        int n = ascii.length();
        if (at < start || at + n > end) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (bytes[at + k] != (byte) ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    int skipSpaces(int from) {
        int i = from;
        while (i < end && isSpace(bytes[i])) {
            i++;
        }
        return i;
    }

    /** The first index at or after {@code from} that is white space, or {@code end}. */
    int skipWord(int from) {
        int i = from;
        while (i < end && !isSpace(bytes[i])) {
            i++;
        }
        return i;
    }

    /** {@code [from, to)} trimmed of white space at both ends, as a string (for messages and names). */
    String text(int from, int to) {
        int a = Math.max(from, start);
        int b = Math.min(to, end);
        while (a < b && isSpace(bytes[a])) {
            a++;
        }
        while (b > a && isSpace(bytes[b - 1])) {
            b--;
        }
        return new String(bytes, a, b - a, StandardCharsets.UTF_8);
    }

    String text() {
        return text(start, end);
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == 0x0b || c == '\f';
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** 0-15 for a hexadecimal digit, -1 for anything else. */
    static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
