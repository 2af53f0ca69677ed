// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

/**
 * The {@code # time EPOCH uptime=SECONDS} line that
 * {@code tools/capture-page-pool.sh} writes before each sample, for a
 * simulated moment: the simulated machine booted at {@link #BOOT_EPOCH_S}
 * (a fixed, made-up date, so that the same run writes the same file), and
 * its uptime is the simulated time, the clock of the emitted trace.
 */
final class SampleTime {
    /** 2025-12-04 00:00:00 UTC, in seconds since 1970. */
    static final long BOOT_EPOCH_S = 1_764_806_400L;

    private SampleTime() {
    }

    /** {@code # time 1764806400.250000000 uptime=0.250000000}, then {@code iface=NAME} unless {@code iface} is null. */
    static String header(long ns, String iface) {
        StringBuilder line = new StringBuilder("# time ");
        seconds(line, BOOT_EPOCH_S * 1_000_000_000L + ns).append(" uptime=");
        seconds(line, ns);
        if (iface != null) {
            line.append(" iface=").append(iface);
        }
        return line.toString();
    }

    /** {@code S.NNNNNNNNN}: {@code ns} in seconds, to the nanosecond. */
    static StringBuilder seconds(StringBuilder out, long ns) {
        String fraction = Long.toString(ns % 1_000_000_000L);
        out.append(ns / 1_000_000_000L).append('.');
        for (int i = fraction.length(); i < 9; i++) {
            out.append('0');
        }
        return out.append(fraction);
    }
}
