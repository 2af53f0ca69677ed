// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.text;

/**
 * The number and time forms that presets and the command line accept, and
 * nothing else: no Java-only forms ({@code 1d}, {@code 0x1p-3}, {@code NaN}),
 * no value that overflows to infinity or underflows to zero. Every check is
 * linear in the text and a long text is refused before it is read.
 *
 * <pre>
 *   number   = ["-"] digits ["." digits] [("e" | "E") ["+" | "-"] digits]     e.g. 12, 0.5, 2e6
 *   quantity = number [ "k" | "K" | "M" | "G" ]                              e.g. 10M (ten million)
 *   time     = number unit, unit one of ns, us (or µs), ms, s, min           e.g. 130s, 2.5ms
 * </pre>
 * White space between a number and its unit is allowed ({@code 100 ms}).
 */
public final class Numbers {
    /** Longer texts are not numbers anyone meant: refused at once. */
    static final int MAX_LENGTH = 40;
    /** The time units, with their length in ns, longest name first where one ends another. */
    private static final String[] UNITS = {"min", "ns", "us", "µs", "ms", "s"};
    private static final double[] UNIT_NS = {60e9, 1, 1e3, 1e3, 1e6, 1e9};
    /** How a message lists the units. */
    public static final String UNIT_NAMES = "ns, us, ms, s or min";
    /**
     * The longest time a preset or the command line may name: 1,000,000 s (about 11.6 days), far past any
     * story, far below overflow.
     */
    public static final long MAX_TIME_NS = 1_000_000_000_000_000L;
    /** A seed's most digits: any such number fits a long. */
    private static final int SEED_DIGITS = 18;

    private Numbers() {
    }

    /** A text that is not a number of the accepted forms; the message says what would be right. */
    public static final class BadNumber extends Exception {
        private static final long serialVersionUID = 1L;

        BadNumber(String message) {
            super(message, null, false, false);
        }
    }

    /** A {@code number}; {@code negativeAllowed} false refuses any minus sign, even {@code -0}. */
    public static double number(String text, boolean negativeAllowed) throws BadNumber {
        if (text.length() > MAX_LENGTH) {
            throw new BadNumber("not a number: " + Tokens.quote(text) + " is " + text.length() + " characters long");
        }
        int i = 0;
        int n = text.length();
        if (i < n && text.charAt(i) == '-') {
            if (!negativeAllowed) {
                throw new BadNumber("not a number here: " + Tokens.quote(text) + " (no minus sign allowed)");
            }
            i++;
        }
        int digits = skipDigits(text, i);
        boolean nonZero = hasNonZero(text, i, digits);
        if (digits == i) {
            throw notANumber(text);
        }
        i = digits;
        if (i < n && text.charAt(i) == '.') {
            int fraction = skipDigits(text, i + 1);
            if (fraction == i + 1) {
                throw notANumber(text);
            }
            nonZero |= hasNonZero(text, i + 1, fraction);
            i = fraction;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exp = i + 1;
            if (exp < n && (text.charAt(exp) == '+' || text.charAt(exp) == '-')) {
                exp++;
            }
            int expEnd = skipDigits(text, exp);
            if (expEnd == exp) {
                throw notANumber(text);
            }
            i = expEnd;
        }
        if (i != n) {
            throw notANumber(text);
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new BadNumber("number too large: " + Tokens.quote(text));
        }
        if (value == 0 && nonZero) {
            throw new BadNumber("number too small to tell from 0: " + Tokens.quote(text));
        }
        return value;
    }

    /** A {@code quantity}: a number, optionally times a thousand (k), a million (M) or a billion (G). */
    public static double quantity(String text, boolean negativeAllowed) throws BadNumber {
        double scale = 1;
        String body = text;
        if (!text.isEmpty()) {
            switch (text.charAt(text.length() - 1)) {
                case 'k': case 'K': scale = 1e3; break;
                case 'M': scale = 1e6; break;
                case 'G': scale = 1e9; break;
                default: break;
            }
        }
        if (scale != 1) {
            body = text.substring(0, text.length() - 1);
        }
        double value = number(body, negativeAllowed) * scale;
        if (Double.isInfinite(value)) {
            throw new BadNumber("number too large: " + Tokens.quote(text));
        }
        return value;
    }

    /** A {@code time} in ns (not rounded); the unit is required. */
    public static double timeNs(String text) throws BadNumber {
        if (text.length() > MAX_LENGTH + 4) {
            throw new BadNumber("not a time: " + Tokens.quote(text) + " is " + text.length() + " characters long");
        }
        int unitStart = text.length();
        while (unitStart > 0 && isUnitLetter(text.charAt(unitStart - 1))) {
            unitStart--;
        }
        String unit = text.substring(unitStart);
        String number = Tokens.blankStripped(text.substring(0, unitStart));
        if (unit.isEmpty()) {
            number(text, true); // a text that is no number at all (0x10) is told so: a unit would not mend it
            throw new BadNumber("a time needs a unit: " + Tokens.quote(text) + " (" + UNIT_NAMES + ", e.g. 100ms)");
        }
        if (!hasDigit(number)) {
            number = ""; // a word that ends in letters (ring_full) is no time, whatever its last letters
        }
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u].equals(unit)) {
                if (number.isEmpty()) {
                    break;
                }
                double ns = number(number, false) * UNIT_NS[u];
                if (Double.isInfinite(ns)) {
                    throw new BadNumber("time too large: " + Tokens.quote(text));
                }
                return ns;
            }
        }
        if (number.isEmpty()) {
            throw new BadNumber("not a time: " + Tokens.quote(text) + " (a number and a unit: " + UNIT_NAMES
                    + ", e.g. 100ms)");
        }
        throw new BadNumber("unknown time unit " + Tokens.quote(unit) + " in " + Tokens.quote(text) + " (units: "
                + UNIT_NAMES + ")");
    }

    /** Whether {@code text} is a seed: a whole number of at most 18 digits, a minus sign allowed. */
    public static boolean isSeed(String text) {
        int digits = text.startsWith("-") ? 1 : 0;
        boolean plain = text.length() > digits && text.length() <= digits + SEED_DIGITS;
        for (int i = digits; plain && i < text.length(); i++) {
            plain = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        return plain;
    }

    /** Whether {@code text} is one of the time units ({@value #UNIT_NAMES}, or µs). */
    public static boolean isTimeUnit(String text) {
        for (String unit : UNITS) {
            if (unit.equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** A whole number of ns in the largest unit it is a whole number of, e.g. {@code 1ms}, {@code 90s}, {@code 7ns}. */
    public static String formatTime(long ns) {
        String[] names = {"min", "s", "ms", "us"};
        long[] lengths = {60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        for (int u = 0; u < names.length; u++) {
            if (ns != 0 && ns % lengths[u] == 0) {
                return ns / lengths[u] + names[u];
            }
        }
        return ns + "ns";
    }

    private static boolean isUnitLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == 'µ';
    }

    private static BadNumber notANumber(String text) {
        return new BadNumber("not a number: " + Tokens.quote(text) + " (numbers are written like 12, 0.5 or 2e6)");
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int skipDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean hasNonZero(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }
}
