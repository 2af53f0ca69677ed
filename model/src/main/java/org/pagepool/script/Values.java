// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import org.pagepool.text.Tokens;

/**
 * The value forms of the script format: numbers (decimal, or hexadecimal with
 * a lower-case {@code 0x}; a minus sign only where the range allows negative
 * numbers, so not even {@code -0} elsewhere) and page handles ({@code p64},
 * {@code p0x40}, or a bare number). Errors name the key and the allowed range,
 * quote the bad text shortened, and take time linear in its length.
 */
final class Values {
    static final long U32_MAX = 0xffff_ffffL;
    /** {@link #magnitude} of text that is not a number. */
    private static final long NOT_A_NUMBER = -1;
    /** {@link #magnitude} of a number beyond {@code Long.MAX_VALUE}. */
    private static final long TOO_LARGE = -2;

    private Values() {
    }

    /** A number in {@code [min, max]}. */
    static long number(int line, String key, String text, long min, long max) throws ScriptSyntaxError {
        boolean negative = text.startsWith("-");
        long magnitude = magnitude(text, negative ? 1 : 0);
        if (magnitude == NOT_A_NUMBER) {
            throw new ScriptSyntaxError(line, "not a number for " + key + ": " + Tokens.quote(text)
                    + " (write a decimal number, or hexadecimal with 0x)");
        }
        if (negative && min >= 0) {
            throw new ScriptSyntaxError(line, "minus sign not allowed for " + key + ": " + Tokens.quote(text)
                    + " (range " + min + ".." + max + ", without a sign)");
        }
        long value = negative ? -magnitude : magnitude;
        if (magnitude == TOO_LARGE || value < min || value > max) {
            throw new ScriptSyntaxError(line, "value out of range for " + key + ": " + Tokens.quote(text)
                    + " (allowed " + min + ".." + max + ")");
        }
        return value;
    }

    /** A page handle {@code pN} or {@code N}, N in 1..4294967295 by the number rules; returned as its 32 bits. */
    static int handle(int line, String key, String text) throws ScriptSyntaxError {
        long value = magnitude(text, text.startsWith("p") ? 1 : 0);
        if (value == NOT_A_NUMBER) {
            throw new ScriptSyntaxError(line, "not a page handle for " + key + ": " + Tokens.quote(text)
                    + " (write p1, p2, ... or the bare number)");
        }
        if (value == TOO_LARGE || value < 1 || value > U32_MAX) {
            throw new ScriptSyntaxError(line, "value out of range for " + key + ": " + Tokens.quote(text)
                    + " (handles are p1..p4294967295)");
        }
        return (int) value;
    }

    /** True if {@code text} has a number's form (whatever its range). */
    static boolean isNumber(String text) {
        return magnitude(text, text.startsWith("-") ? 1 : 0) != NOT_A_NUMBER;
    }

    /**
     * The unsigned number written from {@code start}: decimal, or hexadecimal
     * after {@code 0x}; {@link #NOT_A_NUMBER} or {@link #TOO_LARGE} otherwise.
     * Reads every character once, so a megabyte of digits is refused quickly.
     */
    private static long magnitude(String text, int start) {
        int radix = 10;
        if (text.startsWith("0x", start)) {
            radix = 16;
            start += 2;
        }
        if (start >= text.length()) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        boolean tooLarge = false;
        for (int i = start; i < text.length(); i++) {
            int digit = digit(text.charAt(i), radix);
            if (digit < 0) {
                return NOT_A_NUMBER;
            }
            if (!tooLarge && value > (Long.MAX_VALUE - digit) / radix) {
                tooLarge = true;
            }
            value = value * radix + digit;
        }
        return tooLarge ? TOO_LARGE : value;
    }

    private static int digit(char c, int radix) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (radix == 16 && c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (radix == 16 && c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
