// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import java.util.IdentityHashMap;
import java.util.Map;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.Page;
import org.pagepool.mm.PageOwner;

/**
 * A deep copy of a kernel and its pools, for snapshots: copy the kernel,
 * ask for the copy of every pool and page the caller holds, then
 * {@link #finish()} to point the copied pages at the copied pools.
 * The original is only read.
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

    /** The copy of {@code page} (the same frame in the copied memory). */
    public Page page(Page page) {
        return kernel.mm().existingPage(page.nid(), page.pfn());
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
        kernel.mm().remapOwners(owner -> owner instanceof PagePool p ? pool(p) : owner);
        if (kernel.jiffies().pendingCount() != original.jiffies().pendingCount()) {
            throw new IllegalStateException("a pool with pending work was not copied");
        }
        return kernel;
    }
}
