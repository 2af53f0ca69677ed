// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;

/**
 * Which CPUs return pages into each pool's ptr_ring, per jiffy: every skb
 * or redirected frame freed outside NAPI goes back through
 * {@code page_pool_put_full_page(..., false)}, that is
 * {@code ptr_ring_produce_bh()} under the ring's producer lock, from the CPU
 * that frees it. The number of CPUs producing into one ring within the same
 * millisecond stands in for "CPUs returning at once", the unit of the
 * published cross-CPU figures ({@code cost/CostTable}): the model has no
 * wall clock of its own to tell real overlap. Per pool id.
 */
final class RingProducers {
    /** CPUs that produced into pool i's ring during jiffy {@link #jiffy} and the one before. */
    private long[] now = new long[8];
    private long[] before = new long[8];
    private long jiffy;

    RingProducers copy() {
        RingProducers c = new RingProducers();
        c.now = now.clone();
        c.before = before.clone();
        c.jiffy = jiffy;
        return c;
    }

    /** CPU {@code cpu} returned a page into pool {@code poolId}'s ring at jiffy {@code at}. */
    void produced(int poolId, int cpu, long at) {
        moveTo(at);
        if (poolId >= now.length) {
            now = Arrays.copyOf(now, Math.max(poolId + 1, 2 * now.length));
            before = Arrays.copyOf(before, now.length);
        }
        now[poolId] |= 1L << cpu;
    }

    private void moveTo(long at) {
        if (at != jiffy) {
            if (at == jiffy + 1) {
                long[] spare = before;
                before = now;
                now = spare;
            } else {
                Arrays.fill(before, 0);
            }
            Arrays.fill(now, 0);
            jiffy = at;
        }
    }

    /** CPUs that returned pages into pool {@code poolId}'s ring in this millisecond or the one before. */
    int producers(int poolId, long at) {
        moveTo(at);
        return poolId < now.length ? Long.bitCount(now[poolId] | before[poolId]) : 0;
    }

    /** The most CPUs returning into any one ring, in this millisecond or the one before. */
    int most(long at) {
        moveTo(at);
        int most = 0;
        for (int i = 0; i < now.length; i++) {
            most = Math.max(most, Long.bitCount(now[i] | before[i]));
        }
        return most;
    }
}
