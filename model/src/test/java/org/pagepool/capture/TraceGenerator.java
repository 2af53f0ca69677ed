// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Tracepoint text made on the fly, never stored: {@code pools} pools on as
 * many CPUs, each taking pages and giving each back {@code window} page
 * events later (so each has at most {@code window} pages out), and every
 * tenth line another event. Lines in the tracefs layout of v5.14.
 */
final class TraceGenerator extends InputStream {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final long lines;
    private final int pools;
    private final int window;
    private final byte[] line = new byte[256];
    private int lineLength;
    private int linePosition;
    private long produced;
    private final long[] holds;
    private final long[] releases;
    private long ns = 1_000_000_000L;

    TraceGenerator(long lines, int pools, int window) {
        this.lines = lines;
        this.pools = pools;
        this.window = window;
        this.holds = new long[pools];
        this.releases = new long[pools];
    }

    long holds(int pool) {
        return holds[pool];
    }

    long releases(int pool) {
        return releases[pool];
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
            if (linePosition == lineLength) {
                if (produced == lines) {
                    return n == 0 ? -1 : n;
                }
                nextLine();
            }
            int chunk = Math.min(len - n, lineLength - linePosition);
            System.arraycopy(line, linePosition, b, off + n, chunk);
            linePosition += chunk;
            n += chunk;
        }
        return n;
    }

    private void nextLine() {
        long i = produced++;
        ns += 137;
        lineLength = 0;
        linePosition = 0;
        int pool = (int) (i % pools);
        if (i % 10 == 9) {
            put("          <idle>-0       [00");
            put((char) ('0' + pool % 10));
            put("] d..2.  ");
            time();
            put(": sched_switch: prev_comm=swapper/0 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=x\n");
            return;
        }
        boolean release = holds[pool] >= window && releases[pool] < holds[pool] && (i / pools) % 2 == 1;
        put("          <idle>-0       [00");
        put((char) ('0' + pool % 10));
        put("] ..s1.  ");
        time();
        if (release) {
            long pfn = 0x100000L * (pool + 1) + releases[pool] % (4 * window);
            releases[pool]++;
            put(": page_pool_state_release: page_pool=00000000c0ffe");
            hex(pool, 3);
            put(" page=000000005a5a0001 pfn=0x");
            hex(pfn, 0);
            put(" release=");
            decimal(releases[pool] & 0xffff_ffffL);
        } else {
            long pfn = 0x100000L * (pool + 1) + holds[pool] % (4 * window);
            holds[pool]++;
            put(": page_pool_state_hold: page_pool=00000000c0ffe");
            hex(pool, 3);
            put(" page=000000005a5a0001 pfn=0x");
            hex(pfn, 0);
            put(" hold=");
            decimal(holds[pool] & 0xffff_ffffL);
        }
        put('\n');
    }

    private void time() {
        decimal(ns / 1_000_000_000L);
        put('.');
        long us = ns / 1000 % 1_000_000;
        for (long d = 100_000; d > 0; d /= 10) {
            put((char) ('0' + us / d % 10));
        }
    }

    private void put(String s) {
        for (int k = 0; k < s.length(); k++) {
            line[lineLength++] = (byte) s.charAt(k);
        }
    }

    private void put(char c) {
        line[lineLength++] = (byte) c;
    }

    private void decimal(long v) {
        int digits = 1;
        for (long x = v; x >= 10; x /= 10) {
            digits++;
        }
        long x = v;
        for (int d = digits - 1; d >= 0; d--) {
            line[lineLength + d] = (byte) ('0' + x % 10);
            x /= 10;
        }
        lineLength += digits;
    }

    private void hex(long v, int width) {
        int digits = Math.max(width, v == 0 ? 1 : (67 - Long.numberOfLeadingZeros(v)) / 4);
        for (int d = digits - 1; d >= 0; d--) {
            line[lineLength++] = HEX[(int) (v >>> (4 * d)) & 0xf];
        }
    }
}
