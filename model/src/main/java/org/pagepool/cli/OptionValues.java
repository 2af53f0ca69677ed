// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import org.pagepool.text.Numbers;
import org.pagepool.text.Tokens;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for the command line's numbers: only the forms the README
 * documents ({@link Numbers}: {@code 12}, {@code 0.5}, {@code 2e6}, counts with
 * {@code k}/{@code M}/{@code G}), each checked against its range, which the
 * message gives. Nothing of Java's own syntax ({@code 1d}, {@code 0x1p-3}).
 */
final class OptionValues {
    /** The longest run the command line asks for, as a preset's times: 1,000,000 s. */
    static final long MAX_TIME_NS = Numbers.MAX_TIME_NS;
    /** More packets than any run could simulate; below 2^53, so a count is exact. */
    static final long MAX_PACKETS = 1_000_000_000_000_000L;

    private OptionValues() {
    }

    /** {@code --packets N}: a whole count, 1 to 10^15, {@code k}/{@code M}/{@code G} allowed. */
    static final class Packets implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            String range = "; allowed: a whole number from 1 to 1e15, e.g. 100000 or 100k";
            double n = parse(() -> Numbers.quantity(text, false), range);
            if (n != Math.rint(n)) {
                throw new TypeConversionException("not a whole number: " + Tokens.quote(text) + range);
            }
            if (n < 1 || n > MAX_PACKETS) {
                throw new TypeConversionException(Tokens.quote(text) + " is out of range" + range);
            }
            return (long) n;
        }
    }

    /** {@code --seconds S}: simulated seconds, from the clock's 1 ns to 1,000,000 s; kept in ns. */
    static final class Seconds implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            String range = "; allowed: 0.000000001 (1 ns, the model's clock resolution) to 1000000 seconds";
            double s = parse(() -> Numbers.number(text, false), range);
            return nanoseconds(text, s * 1e9, range);
        }
    }

    /** {@code --every MS}: simulated milliseconds between CSV rows, at least the clock's 1 ns. */
    static final class EveryMs implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            String range = "; allowed: 0.000001 (1 ns, the model's clock resolution) to 1e9 milliseconds";
            double ms = parse(() -> Numbers.number(text, false), range);
            return nanoseconds(text, ms * 1e6, range);
        }
    }

    /** {@code --threads N}: threads for a NIC's queues, 1 to 64 (the most queues a NIC has). */
    static final class Threads implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            String range = "; allowed: a whole number from 1 to 64";
            if (!text.matches("[0-9]{1,9}")) {
                throw new TypeConversionException("not a whole number: " + Tokens.quote(text) + range);
            }
            int n = Integer.parseInt(text);
            if (n < 1 || n > 64) {
                throw new TypeConversionException(Tokens.quote(text) + " is out of range" + range);
            }
            return n;
        }
    }

    /** {@code --seed S}: a whole number of at most 18 digits, as a preset's {@code seed}. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            if (!Numbers.isSeed(text)) {
                throw new TypeConversionException("not a seed: " + Tokens.quote(text)
                        + " (a whole number of at most 18 digits, e.g. 42 or -7)");
            }
            return Long.parseLong(text);
        }
    }

    private interface Parse {
        double parse() throws Numbers.BadNumber;
    }

    private static double parse(Parse parse, String range) {
        try {
            return parse.parse();
        } catch (Numbers.BadNumber e) {
            throw new TypeConversionException(e.getMessage() + range);
        }
    }

    /** A time rounded to whole ns, refused below the clock's 1 ns or above {@link #MAX_TIME_NS}. */
    private static long nanoseconds(String text, double ns, String range) {
        if (ns < 1) {
            throw new TypeConversionException(Tokens.quote(text) + " is shorter than the model's clock resolution"
                    + range);
        }
        if (ns > MAX_TIME_NS) {
            throw new TypeConversionException(Tokens.quote(text) + " is too long" + range);
        }
        return Math.round(ns);
    }
}
