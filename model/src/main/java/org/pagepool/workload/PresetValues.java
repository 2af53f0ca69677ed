// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Locale;
import org.pagepool.text.Numbers;
import org.pagepool.text.Tokens;

/**
 * The values a preset writes, read strictly ({@link Numbers}): a bad one
 * gets a message that names the setting, quotes at most a few dozen
 * characters of the text and says what would be right.
 */
final class PresetValues {
    /** The longest time a preset may name ({@link Numbers#MAX_TIME_NS}, shared with the command line). */
    static final long MAX_TIME_NS = Numbers.MAX_TIME_NS;
    /** Step checkpoints are for a run's first moments; later ones name a time. */
    static final long MAX_STEP = 1_000_000_000L;
    /** The speeds a preset may start at (factors of real time), besides {@code max}. */
    static final double MIN_SPEED = 1e-7;
    static final double MAX_SPEED = 1e3;

    private PresetValues() {
    }

    /** A value in the parameter's unit, checked against its range. */
    static double value(int line, Param param, String text) throws PresetParser.PresetError {
        double v;
        switch (param.unit()) {
            case BOOLEAN:
                return bool(line, param.key(), text) ? 1 : 0;
            case NANOS:
                return time(line, param.key(), text, (long) param.min(), (long) param.max(),
                        "value out of range for " + param.key() + ": " + text + " (allowed "
                                + Numbers.formatTime((long) param.min()) + ".." + Numbers.formatTime((long) param.max())
                                + ")");
            case FRACTION:
                v = text.endsWith("%") ? number(line, param.key(), text.substring(0, text.length() - 1)) / 100
                        : number(line, param.key(), text);
                break;
            case PER_SECOND:
                v = quantity(line, param.key(), text.endsWith("pps") ? text.substring(0, text.length() - 3) : text);
                break;
            default:
                v = quantity(line, param.key(), text);
        }
        // -0 is 0, but no minus sign belongs where nothing below 0 does
        if (v < param.min() || v > param.max() || text.startsWith("-") && param.min() >= 0) {
            throw new PresetParser.PresetError(line, "value out of range for " + param.key() + ": " + text
                    + " (allowed " + param.format(param.min()) + ".." + param.format(param.max()) + ")");
        }
        if (param.integral() && v != Math.rint(v)) {
            throw new PresetParser.PresetError(line, param.key() + " needs a whole number, not " + text);
        }
        return v;
    }

    static boolean bool(int line, String key, String text) throws PresetParser.PresetError {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "on": case "true": case "yes": case "1":
                return true;
            case "off": case "false": case "no": case "0":
                return false;
            default:
                throw new PresetParser.PresetError(line, key + " is on or off, not " + Tokens.quote(text));
        }
    }

    /**
     * A time with its unit, in whole ns (rounded), from 0 to {@link #MAX_TIME_NS}. Keys ending in
     * {@code _ns} follow the same rule: the suffix names the model's resolution, the unit is still written.
     */
    static long time(int line, String key, String text) throws PresetParser.PresetError {
        return time(line, key, text, 0, MAX_TIME_NS);
    }

    /** {@link #time(int, String, String)} from {@code minNs} on (a duration is more than 0). */
    static long time(int line, String key, String text, long minNs, long maxNs) throws PresetParser.PresetError {
        return time(line, key, text, minNs, maxNs, "time out of range for " + key + ": " + text + " (allowed "
                + (minNs == 0 ? "0" : Numbers.formatTime(minNs)) + ".." + Numbers.formatTime(maxNs) + ")");
    }

    private static long time(int line, String key, String text, long minNs, long maxNs, String outOfRange)
            throws PresetParser.PresetError {
        if (text.startsWith("-") && isTime(text.substring(1))) {
            throw new PresetParser.PresetError(line, outOfRange); // a time below 0: the range says more
        }
        double ns;
        try {
            ns = Numbers.timeNs(text);
        } catch (Numbers.BadNumber e) {
            String hint = key.endsWith("_ns") && isPlainNumber(text) ? "; write " + text + "ns for nanoseconds" : "";
            throw new PresetParser.PresetError(line, key + ": " + e.getMessage() + hint);
        }
        long rounded = Math.round(ns);
        if (rounded > maxNs || rounded < minNs) {
            throw new PresetParser.PresetError(line, outOfRange);
        }
        return rounded;
    }

    /**
     * Refuses a clock time ({@code 5:00}), which reaches the parser cut at its colon: {@code before} the
     * colon all digits and {@code after} it starting with one. {@code example} shows the line done right.
     */
    static void refuseClockTime(int line, String before, String after, String example)
            throws PresetParser.PresetError {
        if (!before.isEmpty() && before.chars().allMatch(c -> c >= '0' && c <= '9') && !after.isEmpty()
                && after.charAt(0) >= '0' && after.charAt(0) <= '9') {
            String clock = before + ":" + after.split("[ \t:]", 2)[0];
            throw new PresetParser.PresetError(line, "not a time: " + Tokens.quote(clock)
                    + " (a time is a number and a unit: " + Numbers.UNIT_NAMES + ", e.g. " + example + ")");
        }
    }

    private static boolean isTime(String text) {
        return parses(Numbers::timeNs, text);
    }

    private static boolean isPlainNumber(String text) {
        return parses(t -> Numbers.number(t, true), text);
    }

    /** One of {@link Numbers}' parsers, for whether it takes a text. */
    private interface NumberParser {
        void parse(String text) throws Numbers.BadNumber;
    }

    private static boolean parses(NumberParser parser, String text) {
        try {
            parser.parse(text);
            return true;
        } catch (Numbers.BadNumber e) {
            return false;
        }
    }

    /** A number, a minus sign allowed (a range check says more than "not a number" would). */
    static double number(int line, String key, String text) throws PresetParser.PresetError {
        try {
            return Numbers.number(text, true);
        } catch (Numbers.BadNumber e) {
            throw new PresetParser.PresetError(line, key + ": " + e.getMessage());
        }
    }

    /** A number with an optional k, M or G. */
    static double quantity(int line, String key, String text) throws PresetParser.PresetError {
        try {
            return Numbers.quantity(text, true);
        } catch (Numbers.BadNumber e) {
            throw new PresetParser.PresetError(line, key + ": " + e.getMessage());
        }
    }

    /** A seed: a whole number that fits a long. */
    static long seed(int line, String text) throws PresetParser.PresetError {
        if (!Numbers.isSeed(text)) {
            throw new PresetParser.PresetError(line, "seed needs a whole number of at most 18 digits, not "
                    + Tokens.quote(text));
        }
        return Long.parseLong(text);
    }

    /** The preset's starting speed: a factor of real time, or {@code max}. */
    static double speed(int line, String text) throws PresetParser.PresetError {
        if (text.equals("max")) {
            return Double.POSITIVE_INFINITY;
        }
        String range = " (allowed 1e-7..1000 times real time, or max)";
        double speed;
        try {
            speed = Numbers.number(text, false);
        } catch (Numbers.BadNumber e) {
            throw new PresetParser.PresetError(line, "speed: " + e.getMessage() + range);
        }
        if (speed < MIN_SPEED || speed > MAX_SPEED) {
            throw new PresetParser.PresetError(line, "speed out of range: " + text + range);
        }
        return speed;
    }

    /** A step count for a checkpoint: a whole number from 1 to {@link #MAX_STEP}. */
    static long step(int line, String text) throws PresetParser.PresetError {
        double steps = quantity(line, "checkpoint step", text);
        if (steps < 1 || steps > MAX_STEP || steps != Math.rint(steps)) {
            throw new PresetParser.PresetError(line, "checkpoint step needs a whole number from 1 to "
                    + MAX_STEP + ", not " + text + " (for a later moment, give a time: checkpoint 30ms ...)");
        }
        return (long) steps;
    }
}
