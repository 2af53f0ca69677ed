// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;

/**
 * When each RX queue's driver acts next, and which acts first: a tournament
 * tree over the queues, so that moving one queue's time costs log2(queues)
 * comparisons and the first is always at the root. Each node keeps the time
 * and the queue of the first under it side by side, so a climb reads
 * neighbouring entries. Equal times go to the lower queue index, so the
 * order of a run never depends on anything but the times.
 */
final class QueueClock {
    private final int leaves;
    /** Node i: the earliest time under it and its queue; leaves start at {@link #leaves}. */
    private final long[] time;
    private final int[] first;

    QueueClock(int queues) {
        int n = 1;
        while (n < queues) {
            n <<= 1;
        }
        leaves = n;
        time = new long[2 * n];
        Arrays.fill(time, Long.MAX_VALUE);
        first = new int[2 * n];
        for (int i = 0; i < n; i++) {
            first[n + i] = i;
        }
        for (int node = n - 1; node >= 1; node--) {
            first[node] = first[2 * node]; // all equal: the left, lower queue
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

    /** Queue {@code q} acts next at {@code t}. */
    void set(int q, long t) {
        int node = leaves + q;
        if (time[node] == t) {
            return;
        }
        time[node] = t;
        for (node >>>= 1; node >= 1; node >>>= 1) {
            int left = 2 * node;
            long lt = time[left];
            long rt = time[left + 1];
            // the right subtree holds the higher queues: it wins only when strictly earlier
            int child = rt < lt ? left + 1 : left;
            long best = time[child];
            int winner = first[child];
            if (time[node] == best && first[node] == winner) {
                break; // nothing above changes
            }
            time[node] = best;
            first[node] = winner;
        }
    }

    /** The queue that acts first (the lowest index among equal times). */
    int first() {
        return first[1];
    }

    long time(int q) {
        return time[leaves + q];
    }
}
