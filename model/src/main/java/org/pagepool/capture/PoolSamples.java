// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.Arrays;

/**
 * What {@code page-pool-get} dumps showed of one pool (immutable): its
 * identity, inflight at each dump, when the driver detached it, and the first
 * dump it was missing from (the kernel had freed it).
 */
public final class PoolSamples {
    private final int id;
    private final int ifindex;
    private final long napiId;
    private final long detachedNs;
    private final long inflightMem;
    private final long[] ns;
    private final long[] inflight;
    private final long goneNs;
    private final String memoryProvider;

    private PoolSamples(Builder b, long goneNs) {
        this.id = b.id;
        this.ifindex = b.ifindex;
        this.napiId = b.napiId;
        this.detachedNs = b.detachedNs;
        this.inflightMem = b.inflightMem;
        this.ns = Arrays.copyOf(b.ns, b.count);
        this.inflight = Arrays.copyOf(b.inflight, b.count);
        this.goneNs = goneNs;
        this.memoryProvider = b.memoryProvider;
    }

    public int id() {
        return id;
    }

    /** The interface index, or -1 (a pool whose device is gone has none). */
    public int ifindex() {
        return ifindex;
    }

    /** The NAPI instance's id, or -1. */
    public long napiId() {
        return napiId;
    }

    /** {@code detach-time} (CLOCK_BOOTTIME) in ns, or NO_TIME while the driver still uses the pool. */
    public long detachedNs() {
        return detachedNs;
    }

    /** {@code inflight-mem} of the last dump, bytes; -1 if not reported. */
    public long inflightMem() {
        return inflightMem;
    }

    public int samples() {
        return ns.length;
    }

    public long ns(int i) {
        return ns[i];
    }

    /** Pages in flight at sample {@code i}, -1 if the dump did not say. */
    public long inflight(int i) {
        return inflight[i];
    }

    /** The first dump without the pool after it had been seen, or NO_TIME. */
    public long goneNs() {
        return goneNs;
    }

    /** {@code dmabuf} or {@code io-uring} when a memory provider backs the pool, else "". */
    public String memoryProvider() {
        return memoryProvider;
    }

    /** Collects one pool's dumps while files are read. */
    static final class Builder {
        final int id;
        int ifindex = -1;
        long napiId = -1;
        long detachedNs = Capture.NO_TIME;
        long inflightMem = -1;
        String memoryProvider = "";
        private long[] ns = new long[16];
        private long[] inflight = new long[16];
        private int[] dump = new int[16];
        private int count;

        Builder(int id) {
            this.id = id;
        }

        /** Inflight at the {@code dumpIndex}-th dump (1 for the first), taken at {@code time} or NO_TIME. */
        void sample(long time, long pages, int dumpIndex) {
            if (count == ns.length) {
                ns = Arrays.copyOf(ns, count * 2);
                inflight = Arrays.copyOf(inflight, count * 2);
                dump = Arrays.copyOf(dump, count * 2);
            }
            ns[count] = time;
            inflight[count] = pages;
            dump[count] = dumpIndex;
            count++;
        }

        long lastNs() {
            return count == 0 ? Capture.NO_TIME : ns[count - 1];
        }

        /**
         * The pool as of the end; {@code dumpIndexes} and {@code dumpTimes}
         * are every page-pool-get dump's number and time, in order.
         */
        PoolSamples build(int[] dumpIndexes, long[] dumpTimes, int dumps) {
            long gone = Capture.NO_TIME;
            if (count > 0) {
                for (int i = 0; i < dumps; i++) {
                    if (dumpIndexes[i] > dump[count - 1]) {
                        gone = dumpTimes[i];
                        break;
                    }
                }
            }
            return new PoolSamples(this, gone);
        }
    }
}
