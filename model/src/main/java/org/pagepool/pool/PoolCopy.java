// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

/**
 * A pool's copy for a snapshot, inside the copied kernel: the same fields, the
 * same cache and ring contents, the same counters and the same pending
 * release retry. Pages are ints, so the cache and the ring copy as arrays.
 */
final class PoolCopy {
    private PoolCopy() {
    }

    static PagePool copy(PagePool o, ModelCopy copy) {
        PagePoolParams params = new PagePoolParams(o.flags(), o.order(), o.poolSize(), o.nid, o.dmaDir, o.maxLen,
                o.offset);
        PagePool p = new PagePool(copy.kernel(), o.id(), params, o.ring.copy(), o.userCnt.copy(copy.kernel()));
        copy.register(o, p);
        p.alloc.count = o.alloc.count;
        System.arraycopy(o.alloc.cache, 0, p.alloc.cache, 0, o.alloc.cache.length);
        p.pagesStateHoldCnt = o.pagesStateHoldCnt;
        p.pagesStateReleaseCnt = o.pagesStateReleaseCnt;
        p.destroyCnt = o.destroyCnt;
        p.deferStart = o.deferStart;
        p.deferWarn = o.deferWarn;
        p.kernel().jiffies().rearm(p.releaseDw, o.releaseDw);
        p.stats.copyFrom(o.stats);
        p.state = o.state;
        p.kernel().registerPool(p);
        return p;
    }
}
