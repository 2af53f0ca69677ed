// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.util.Arrays;
import org.pagepool.pool.PagePool;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceObserver;

/**
 * The script's numbered pool slots (spec: "Several pools"): slot 1 is current
 * at the start, each slot has its own pool and its own handles. Pages learn
 * their handles from the trace, routed by pool id to the slot that created
 * the pool, so a page of slot 2 can never be named from slot 1.
 */
final class PoolSlots implements TraceObserver {
    static final int MAX_SLOT = 64;

    private final PagePool[] pools = new PagePool[MAX_SLOT + 1];
    private final HandleTable[] handles = new HandleTable[MAX_SLOT + 1];
    /** The handle table of each pool that a slot still holds, by pool id. */
    private HandleTable[] byPoolId = new HandleTable[8];
    private int current = 1;

    PoolSlots() {
        for (int slot = 1; slot <= MAX_SLOT; slot++) {
            handles[slot] = new HandleTable();
        }
    }

    void select(int slot) {
        current = slot;
    }

    int current() {
        return current;
    }

    /** The current slot's pool, or null before its first successful create. */
    PagePool pool() {
        return pools[current];
    }

    /** The current slot's handles. */
    HandleTable handles() {
        return handles[current];
    }

    /** A new pool in the current slot: that slot's earlier handles are forgotten, the others' kept. */
    void created(PagePool pool) {
        forget();
        pools[current] = pool;
        handles[current].reset(pool.id());
        if (pool.id() >= byPoolId.length) {
            byPoolId = Arrays.copyOf(byPoolId, Math.max(pool.id() + 1, byPoolId.length * 2));
        }
        byPoolId[pool.id()] = handles[current];
    }

    /** A create in the current slot that failed: the slot has no pool. */
    void createFailed() {
        forget();
        pools[current] = null;
    }

    private void forget() {
        PagePool old = pools[current];
        if (old != null && old.id() < byPoolId.length) {
            byPoolId[old.id()] = null;
        }
    }

    @Override
    public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
        if (pool > 0 && pool < byPoolId.length && byPoolId[pool] != null) {
            byPoolId[pool].moved(pool, handle, nid, pfn, order, from, to);
        }
    }
}
