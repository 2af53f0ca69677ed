// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import java.util.IdentityHashMap;
import java.util.Map;
import org.pagepool.kernel.Kernel;

/**
 * A deep copy of a kernel and its pools, for snapshots: copy the kernel,
 * ask for the copy of every pool the caller holds, then {@link #finish()}.
 * Pages are page references and name their pools by id, so what holds pages
 * copies its int arrays as they are; the struct pages themselves are shared
 * copy-on-write (see {@code org.pagepool.mm.MemMap}). The original is only
 * read (its shared sections are marked so that it copies them before writing).
 */
public final class ModelCopy {
    private final Kernel original;
    private final Kernel kernel;
    private final Map<PagePool, PagePool> pools = new IdentityHashMap<>();

    public ModelCopy(Kernel original) {
        this.original = original;
        this.kernel = original.copyWithoutPools();
    }

    /** The copied kernel. */
    public Kernel kernel() {
        return kernel;
    }

    /** The copy of {@code pool}, made the first time it is asked for. */
    public PagePool pool(PagePool pool) {
        PagePool copied = pools.get(pool);
        return copied != null ? copied : pool.copyInto(this);
    }

    void register(PagePool from, PagePool to) {
        pools.put(from, to);
    }

    /** Completes the copy; every pool with pending work must have been copied by now. */
    public Kernel finish() {
        if (kernel.jiffies().pendingCount() != original.jiffies().pendingCount()) {
            throw new IllegalStateException("a pool with pending work was not copied");
        }
        return kernel;
    }
}
