// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;

/**
 * When each RX queue's driver acts next, and which acts first: a tournament
 * tree over the queues, so that moving one queue's time costs log2(queues)
 * steps and the first is always at the root. A node holds one long, the
 * time shifted left with the queue in the low {@value #QUEUE_BITS} bits, so
 * a climb is a branch-free minimum and equal times go to the lower queue
 * index: the order of a run depends on nothing but the times.
 */
final class QueueClock {
    private static final int QUEUE_BITS = 6;
    /** Times from here on (about 4.5 years of simulated ns) all sort as never. */
    private static final long LATEST = (1L << (63 - QUEUE_BITS)) - 1;

    private final int leaves;
    /** Node i: the earliest (time, queue) under it; leaves start at {@link #leaves}. */
    private final long[] key;
    /** Each queue's time as given. */
    private final long[] time;

    QueueClock(int queues) {
        if (queues > 1 << QUEUE_BITS) {
            throw new IllegalArgumentException(queues + " queues: at most " + (1 << QUEUE_BITS));
        }
        int n = 1;
        while (n < queues) {
            n <<= 1;
        }
        leaves = n;
        time = new long[n];
        Arrays.fill(time, Long.MAX_VALUE);
        key = new long[2 * n];
        for (int i = 0; i < n; i++) {
            key[n + i] = pack(Long.MAX_VALUE, i);
        }
        for (int node = n - 1; node >= 1; node--) {
            key[node] = Math.min(key[2 * node], key[2 * node + 1]);
        }
    }

    private QueueClock(QueueClock o) {
        leaves = o.leaves;
        key = o.key.clone();
        time = o.time.clone();
    }

    QueueClock copy() {
        return new QueueClock(this);
    }

    /** Times before 0 (at once) sort as 0, times past {@link #LATEST} as never. */
    private static long pack(long t, int q) {
        return Math.min(Math.max(t, 0), LATEST) << QUEUE_BITS | q;
    }

    /** Queue {@code q} acts next at {@code t}. */
    void set(int q, long t) {
        if (time[q] == t) {
            return;
        }
        time[q] = t;
        // the new minimum of each node on the way up is the one below it against its sibling: one load a
        // level and no branch, which beats stopping early once nothing changes (a mispredicted exit)
        int node = leaves + q;
        long best = pack(t, q);
        key[node] = best;
        for (; node > 1; node >>>= 1) {
            best = Math.min(best, key[node ^ 1]);
            key[node >>> 1] = best;
        }
    }

    /** The queue that acts first (the lowest index among equal times). */
    int first() {
        return (int) (key[1] & ((1 << QUEUE_BITS) - 1));
    }

    /**
     * The earliest time of the queues other than {@code q} (the siblings'
     * minima on q's way to the root), as the tree holds it: clamped at 0,
     * and never as a time past {@link #LATEST}.
     */
    long firstExcept(int q) {
        long best = Long.MAX_VALUE;
        for (int node = leaves + q; node > 1; node >>>= 1) {
            best = Math.min(best, key[node ^ 1]);
        }
        return best >>> QUEUE_BITS;
    }

    long time(int q) {
        return time[q];
    }
}
