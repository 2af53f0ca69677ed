// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * Numbers read straight from the bytes of a line, without a string per
 * number: decimal, hexadecimal (with or without {@code 0x}, as {@code %p} and
 * {@code %lx} print), and {@code seconds.fraction} timestamps. A text that is
 * not the number asked for throws {@link Bad} with the reason; the caller adds
 * where it was.
 */
final class Scan {
    private Scan() {
    }

    /** Not a number of the kind asked for; the message says which kind. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    /** A decimal whole number in {@code [0, max]}. */
    static long unsigned(byte[] b, int from, int to, long max) throws Bad {
        if (from >= to) {
            throw new Bad("is empty");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (!ByteLine.isDigit(b[i])) {
                throw new Bad("is not a whole number");
            }
            int digit = b[i] - '0';
            if (value > (max - digit) / 10) {
                throw new Bad("is larger than " + Long.toUnsignedString(max));
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** A decimal whole number in {@code [min, max]}, with an optional minus sign. */
    static long signed(byte[] b, int from, int to, long min, long max) throws Bad {
        if (from < to && b[from] == '-') {
            long magnitude = unsigned(b, from + 1, to, -min);
            return -magnitude;
        }
        return unsigned(b, from, to, max);
    }

    /** Up to 16 hexadecimal digits, {@code 0x} optional; 64 bits as a (possibly negative) long. */
    static long hex(byte[] b, int from, int to) throws Bad {
        int i = from;
        if (to - i >= 2 && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
            i += 2;
        }
        if (i >= to) {
            throw new Bad("is not a hexadecimal number");
        }
        if (to - i > 16) {
            throw new Bad("has more than 16 hexadecimal digits");
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = ByteLine.hexDigit(b[i]);
            if (digit < 0) {
                throw new Bad("is not a hexadecimal number");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * A pointer as {@code %p} prints it (hashed or raw, with or without 0x); {@code (null)} and {@code (nil)} are 0.
     */
    static long pointer(byte[] b, int from, int to) throws Bad {
        if (equals(b, from, to, "(null)") || equals(b, from, to, "(nil)")) {
            return 0;
        }
        try {
            return hex(b, from, to);
        } catch (Bad e) {
            throw new Bad("is not a pointer");
        }
    }

    /**
     * A number that is hexadecimal when it starts with 0x and decimal otherwise ({@code pfn=0x%lx} or {@code pfn=%lu}).
     */
    static long hexOrDecimal(byte[] b, int from, int to) throws Bad {
        if (to - from >= 2 && b[from] == '0' && (b[from + 1] == 'x' || b[from + 1] == 'X')) {
            return hex(b, from, to);
        }
        return unsigned(b, from, to, Long.MAX_VALUE);
    }

    /**
     * {@code seconds.fraction} in ns; the fraction may have any number of
     * digits (those after the ninth are dropped). A whole number without a
     * fraction is refused: it is a counter clock, not seconds.
     */
    static long secondsToNs(byte[] b, int from, int to) throws Bad {
        int dot = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '.') {
                dot = i;
                break;
            }
        }
        if (dot < 0) {
            throw new Bad("has no fraction of a second");
        }
        long seconds;
        try {
            seconds = unsigned(b, from, dot, 9_000_000_000L);
        } catch (Bad e) {
            throw new Bad("is not a time in seconds");
        }
        if (dot + 1 >= to) {
            throw new Bad("is not a time in seconds");
        }
        long fraction = 0;
        int digits = 0;
        for (int i = dot + 1; i < to; i++) {
            if (!ByteLine.isDigit(b[i])) {
                throw new Bad("is not a time in seconds");
            }
            if (digits < 9) {
                fraction = fraction * 10 + (b[i] - '0');
                digits++;
            }
        }
        while (digits < 9) {
            fraction *= 10;
            digits++;
        }
        return seconds * 1_000_000_000L + fraction;
    }

    static boolean equals(byte[] b, int from, int to, String ascii) {
        if (to - from != ascii.length()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (b[from + k] != (byte) ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
