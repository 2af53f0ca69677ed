// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

/** The room of the power-of-two arrays that queues and buckets grow in by doubling. */
final class PowersOfTwo {
    private PowersOfTwo() {
    }

    /** The least power of two that holds {@code n} entries (1 for none). */
    static int atLeast(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
