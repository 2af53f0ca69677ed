// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import org.pagepool.mm.MemMap;
import org.pagepool.mm.ModelRefusal;

/**
 * The checks a {@link PagePool} makes before it changes anything, where the
 * kernel would go on and corrupt memory: a pool used after it was freed, a
 * page given back that the driver does not hold (a double free, a put of a
 * page in the cache or the ring, a page of another pool). Each throws
 * {@link ModelRefusal} with a message that says what the page is and where.
 * The common case is two loads (the page's packed word and its place) that only feed branches.
 */
final class PoolRefusals {
    private final MemMap memmap;
    private final int id;

    PoolRefusals(MemMap memmap, int id) {
        this.memmap = memmap;
        this.id = id;
    }

    /**
     * A page the pool may take back: one it handed to the driver and nobody
     * gave back yet. A freed pool holds none (it is freed only when nothing
     * is in flight), so this one check also refuses a put into a freed pool,
     * with the use-after-free message.
     */
    void checkHeld(int page, PoolState state) {
        if (!memmap.isHeldBy(page, id)) {
            throw notHeld(page, state);
        }
    }

    /** {@code page_pool_put_page_bulk()}'s pages: each held, none named twice. */
    void checkBulk(int[] data, int count, PoolState state) {
        for (int i = 0; i < count; i++) {
            checkHeld(data[i], state);
            for (int j = 0; j < i; j++) {
                if (data[j] == data[i]) {
                    throw new ModelRefusal(describe(memmap, data[i]) + " is named twice: it would be freed twice");
                }
            }
        }
    }

    ModelRefusal useAfterFree() {
        return new ModelRefusal("pool " + id + " was freed: using it would be a use after free");
    }

    ModelRefusal notHeld(int page, PoolState state) {
        if (state == PoolState.FREED) {
            return useAfterFree();
        }
        return new ModelRefusal(describe(memmap, page) + " " + whereNot(page)
                + "; only a page the driver holds can be given back");
    }

    private String whereNot(int page) {
        if (memmap.owner(page) != id) {
            return "is not a page of this pool";
        }
        switch (memmap.place(page)) {
            case ALLOC_CACHE: return "is in the alloc cache";
            case PTR_RING: return "is in the ptr_ring";
            case DETACHED: return "was released from the pool";
            case BUDDY: return "went back to the page allocator";
            default: return "is not held by the driver";
        }
    }

    /** A page as messages name it: its handle ({@code p5}) when it has one, else its frame. */
    static String describe(MemMap memmap, int page) {
        int handle = memmap.handle(page);
        return handle != 0 ? "p" + Integer.toUnsignedString(handle) : memmap.describe(page);
    }
}
