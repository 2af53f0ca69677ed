// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import org.pagepool.text.Tokens;

/**
 * The line the capture script writes before each sample of {@code ethtool -S}
 * or of a netlink dump:
 * <pre>
 * # time EPOCH [uptime=SECONDS] [iface=NAME]
 * </pre>
 * {@code EPOCH} is {@code date +%s.%N}; {@code uptime} the kernel's
 * CLOCK_BOOTTIME ({@code /proc/uptime}), which puts the sample on the same
 * clock as the trace and dmesg. Without it the samples keep their own
 * wall-clock axis: rates still come out, but they are not placed beside the
 * trace. Other {@code key=value} words are ignored, for later versions.
 */
final class SampleHeader {
    static final String PREFIX = "# time ";

    long epochNs;
    /** The sample's time on the kernel's clock, or NO_TIME. */
    long uptimeNs;
    /** The interface named, or null. */
    String iface;

    static boolean is(ByteLine line) {
        return line.matches(line.start, PREFIX);
    }

    /** Reads a {@code # time} line; {@code file} names it in errors. */
    void read(ByteLine line, String file) throws CaptureException {
        uptimeNs = Capture.NO_TIME;
        iface = null;
        int from = line.skipSpaces(line.start + PREFIX.length());
        int to = line.skipWord(from);
        epochNs = seconds(line, from, to, file,
                "# time: expected the time in seconds since 1970 (date +%s.%N), found ");
        int i = to;
        while (true) {
            i = line.skipSpaces(i);
            if (i >= line.end) {
                return;
            }
            int end = line.skipWord(i);
            if (line.matches(i, "uptime=")) {
                uptimeNs = seconds(line, i + 7, end, file, "# time: uptime= expected seconds since boot, found ");
            } else if (line.matches(i, "iface=") && end > i + 6) {
                iface = line.text(i + 6, end);
            }
            i = end;
        }
    }

    /** The sample's time and whether it is on the kernel's clock. */
    long ns() {
        return uptimeNs != Capture.NO_TIME ? uptimeNs : epochNs;
    }

    boolean wallClock() {
        return uptimeNs == Capture.NO_TIME;
    }

    private static long seconds(ByteLine line, int from, int to, String file, String message) throws CaptureException {
        byte[] b = line.bytes;
        try {
            boolean fraction = false;
            for (int k = from; k < to; k++) {
                fraction |= b[k] == '.';
            }
            return fraction ? Scan.secondsToNs(b, from, to)
                    : Scan.unsigned(b, from, to, 9_000_000_000L) * 1_000_000_000L;
        } catch (Scan.Bad e) {
            throw new CaptureException(file, line.number, message + Tokens.quote(line.text(from, to)));
        }
    }
}
