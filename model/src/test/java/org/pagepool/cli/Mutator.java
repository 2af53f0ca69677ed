// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutates a text file as bytes, the way a careless hand or a broken tool
 * would: lines and tokens deleted, duplicated, swapped; the file cut short;
 * numbers replaced by extreme ones; control bytes and invalid UTF-8 put in;
 * time units changed. The same seed gives the same mutant.
 */
final class Mutator {
    private static final String[] NUMBERS = {"0", "-0", "-1", "1", "63", "64", "65", "255", "256", "1023", "1024",
        "65535", "65536", "2147483647", "2147483648", "4294967295", "4294967296", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "99999999999999999999999", "1e308", "1e400", "1e-400",
        "1e-300", "4.9e-324", "NaN", "Infinity", "-Infinity", "0x10", "0x1p-3", "1d", "1f", "1L", "1_000", "1,5",
        "+1", ".5", "5.", "1e", "1e+", "--1", "16777216", "16777217", "1000000s", "1G", "1000G", "2M", "0.0000001",
        "%", "100%", "1e6pps"};
    private static final String[] UNITS = {"ns", "us", "µs", "ms", "s", "min", "h", "minutes", "sec", "", "S", "Ms",
        "nsec", ":00"};
    private static final byte[][] BAD_BYTES = {{0}, {'\r'}, {'\t'}, {0x0b}, {'\f'}, {0x7f}, {0x1b}, {(byte) 0xff},
        {(byte) 0xc3}, {(byte) 0xe2, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0,
            (byte) 0x80}, {(byte) 0xc2, (byte) 0xa0}, {(byte) 0xe2, (byte) 0x80, (byte) 0x83}, {(byte) 0xef,
            (byte) 0xbb, (byte) 0xbf}, {'#'}, {'='}, {':'}, {','}, {'\n'}};

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** One to four mutations of {@code original}. */
    byte[] mutate(byte[] original) {
        byte[] text = original;
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            text = once(text);
        }
        return text;
    }

    private byte[] once(byte[] text) {
        List<byte[]> lines = lines(text);
        switch (random.nextInt(11)) {
            case 0: // delete a line
                if (!lines.isEmpty()) {
                    lines.remove(random.nextInt(lines.size()));
                }
                return join(lines);
            case 1: // duplicate a line, here or elsewhere
                if (!lines.isEmpty()) {
                    lines.add(random.nextInt(lines.size() + 1), lines.get(random.nextInt(lines.size())));
                }
                return join(lines);
            case 2: // swap two lines
                if (lines.size() > 1) {
                    int a = random.nextInt(lines.size());
                    int b = random.nextInt(lines.size());
                    byte[] t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                }
                return join(lines);
            case 3: // cut the file short, maybe mid-line
                return Arrays.copyOf(text, text.length == 0 ? 0 : random.nextInt(text.length));
            case 4:
                return onTokens(lines, Edit.DELETE);
            case 5:
                return onTokens(lines, Edit.DUPLICATE);
            case 6:
                return onTokens(lines, Edit.SWAP);
            case 7:
            case 8:
                return onTokens(lines, Edit.NUMBER);
            case 9:
                return onTokens(lines, Edit.UNIT);
            default: // a control byte or invalid UTF-8 anywhere
                byte[] bad = BAD_BYTES[random.nextInt(BAD_BYTES.length)];
                int at = text.length == 0 ? 0 : random.nextInt(text.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + bad.length);
                out.write(text, 0, at);
                out.writeBytes(bad);
                out.write(text, at, text.length - at);
                return out.toByteArray();
        }
    }

    private enum Edit { DELETE, DUPLICATE, SWAP, NUMBER, UNIT }

    /** Edits the tokens (split at blanks, '=' and ',' kept as their own tokens) of one non-comment line. */
    private byte[] onTokens(List<byte[]> lines, Edit edit) {
        if (lines.isEmpty()) {
            return join(lines);
        }
        int index = pickLine(lines);
        String line = new String(lines.get(index), StandardCharsets.ISO_8859_1);
        List<String> tokens = new ArrayList<>(List.of(line.split("(?<=[ =,:])|(?=[ =,:])")));
        if (tokens.isEmpty()) {
            return join(lines);
        }
        int t = random.nextInt(tokens.size());
        switch (edit) {
            case DELETE -> tokens.remove(t);
            case DUPLICATE -> tokens.add(t, tokens.get(t));
            case SWAP -> {
                int u = random.nextInt(tokens.size());
                String x = tokens.get(t);
                tokens.set(t, tokens.get(u));
                tokens.set(u, x);
            }
            case NUMBER -> tokens.set(numberToken(tokens, t), extremeNumber());
            case UNIT -> {
                int n = numberToken(tokens, t);
                tokens.set(n, tokens.get(n).replaceAll("[a-zµ]+$", "") + UNITS[random.nextInt(UNITS.length)]);
            }
            default -> throw new AssertionError(edit);
        }
        lines.set(index, String.join("", tokens).getBytes(StandardCharsets.ISO_8859_1));
        return join(lines);
    }

    private String extremeNumber() {
        if (random.nextInt(40) == 0) {
            return "9".repeat(100_000); // a very long number: refused quickly, quoted short
        }
        return NUMBERS[random.nextInt(NUMBERS.length)];
    }

    /** A token that starts with a digit, if the line has one; else {@code fallback}. */
    private int numberToken(List<String> tokens, int fallback) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String s = tokens.get(i);
            if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.matches("[a-z]+[0-9].*"))) {
                numbers.add(i);
            }
        }
        return numbers.isEmpty() ? fallback : numbers.get(random.nextInt(numbers.size()));
    }

    /** A line that is not a comment, when there is one. */
    private int pickLine(List<byte[]> lines) {
        for (int tries = 0; tries < 8; tries++) {
            int i = random.nextInt(lines.size());
            if (lines.get(i).length > 0 && lines.get(i)[0] != '#') {
                return i;
            }
        }
        return random.nextInt(lines.size());
    }

    private static List<byte[]> lines(byte[] text) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                lines.add(Arrays.copyOfRange(text, start, i));
                start = i + 1;
            }
        }
        if (start < text.length) {
            lines.add(Arrays.copyOfRange(text, start, text.length));
        }
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** A mutant as a test failure shows it: printable ASCII as is, every other byte as \xNN, newlines kept. */
    static String show(byte[] text) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(text.length, 4000);
        for (int i = 0; i < limit; i++) {
            int b = text[i] & 0xff;
            if (b == '\n' || b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02X", b));
            }
        }
        if (text.length > limit) {
            out.append("… (").append(text.length).append(" bytes)");
        }
        return out.toString();
    }
}
