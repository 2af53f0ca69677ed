// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.math.BigInteger;

/**
 * The value forms of the script format: numbers (decimal, or hexadecimal with
 * a lower-case {@code 0x}, negative where allowed) and page handles
 * ({@code p64}, or a bare number). Errors name the key and the allowed range.
 */
final class Values {
    static final long U32_MAX = 0xffff_ffffL;

    private Values() {
    }

    /** A number in {@code [min, max]}. */
    static long number(int line, String key, String text, long min, long max) throws ScriptSyntaxError {
        BigInteger value = parse(text);
        if (value == null) {
            throw new ScriptSyntaxError(line, "not a number for " + key + ": \"" + text
                    + "\" (write a decimal number, or hexadecimal with 0x)");
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ScriptSyntaxError(line, "value out of range for " + key + ": " + text + " (allowed " + min
                    + ".." + max + ")");
        }
        return value.longValueExact();
    }

    /** A page handle {@code pN} or {@code N}, N in 1..4294967295; returned as its 32 bits. */
    static int handle(int line, String key, String text) throws ScriptSyntaxError {
        String digits = text.startsWith("p") ? text.substring(1) : text;
        BigInteger value = digits.startsWith("-") ? null : parse(digits);
        if (value == null) {
            throw new ScriptSyntaxError(line, "not a page handle for " + key + ": \"" + text
                    + "\" (write p1, p2, ... or the bare number)");
        }
        if (value.signum() <= 0 || value.compareTo(BigInteger.valueOf(U32_MAX)) > 0) {
            throw new ScriptSyntaxError(line, "value out of range for " + key + ": " + text
                    + " (handles are p1..p4294967295)");
        }
        return (int) value.longValue();
    }

    /** Decimal or 0x-hexadecimal, with an optional leading minus; null if it is neither. */
    static BigInteger parse(String text) {
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        BigInteger value;
        if (body.startsWith("0x")) {
            String hex = body.substring(2);
            if (hex.isEmpty() || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                return null;
            }
            value = new BigInteger(hex, 16);
        } else {
            if (body.isEmpty() || !body.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            value = new BigInteger(body);
        }
        return negative ? value.negate() : value;
    }
}
