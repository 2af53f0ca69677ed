// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;

/**
 * When each RX queue's driver acts next, and which acts first: a tournament
 * tree over the queues, so that moving one queue's time costs log2(queues)
 * comparisons and the first is always at the root. Equal times go to the
 * lower queue index, so the order of a run never depends on anything but
 * the times.
 */
final class QueueClock {
    private final int leaves;
    private final long[] time;
    /** Node i holds the queue that comes first under it; leaves start at {@link #leaves}. */
    private final int[] first;

    QueueClock(int queues) {
        int n = 1;
        while (n < queues) {
            n <<= 1;
        }
        leaves = n;
        time = new long[n];
        Arrays.fill(time, Long.MAX_VALUE);
        first = new int[2 * n];
        for (int i = 0; i < n; i++) {
            first[n + i] = i;
        }
        for (int node = n - 1; node >= 1; node--) {
            first[node] = earlier(first[2 * node], first[2 * node + 1]);
        }
    }

    private QueueClock(QueueClock o) {
        leaves = o.leaves;
        time = o.time.clone();
        first = o.first.clone();
    }

    QueueClock copy() {
        return new QueueClock(this);
    }

    private int earlier(int a, int b) {
        return time[b] < time[a] || time[b] == time[a] && b < a ? b : a;
    }

    /** Queue {@code q} acts next at {@code t}. */
    void set(int q, long t) {
        if (time[q] == t) {
            return;
        }
        time[q] = t;
        for (int node = (leaves + q) >>> 1; node >= 1; node >>>= 1) {
            int winner = earlier(first[2 * node], first[2 * node + 1]);
            if (first[node] == winner && winner != q) {
                break; // nothing above changes
            }
            first[node] = winner;
        }
    }

    /** The queue that acts first (the lowest index among equal times). */
    int first() {
        return first[1];
    }

    long time(int q) {
        return time[q];
    }
}
