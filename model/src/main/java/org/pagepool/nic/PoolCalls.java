// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import org.pagepool.kernel.Kernel;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;
import org.pagepool.pool.PoolCreateException;

/**
 * The pool API as the driver and the stack call it, in one place, so that a
 * recorder can see every call. Single-threaded, like the model.
 */
public final class PoolCalls {
    private final Kernel kernel;
    private CallRecorder recorder;

    public PoolCalls(Kernel kernel) {
        this.kernel = kernel;
    }

    public void setRecorder(CallRecorder recorder) {
        this.recorder = recorder;
    }

    public CallRecorder recorder() {
        return recorder;
    }

    /** {@code page_pool_create()}: a driver opening a queue. */
    public PagePool create(PagePoolParams params) throws PoolCreateException {
        if (recorder != null) {
            recorder.create(kernel, params);
        }
        return PagePool.create(kernel, params);
    }

    /** {@code page_pool_dev_alloc_pages()}. */
    public int alloc(PagePool pool) {
        if (recorder != null) {
            recorder.alloc(kernel, pool);
        }
        return pool.allocPages();
    }

    /** {@code page_pool_recycle_direct()}: XDP_DROP in NAPI. */
    public void recycleDirect(PagePool pool, int page) {
        if (recorder != null) {
            recorder.put(kernel, pool, page, -1, true);
        }
        pool.recycleDirect(page);
    }

    /** {@code page_pool_put_full_page()}. */
    public void putFullPage(PagePool pool, int page, boolean allowDirect) {
        if (recorder != null) {
            recorder.put(kernel, pool, page, -1, allowDirect);
        }
        pool.putFullPage(page, allowDirect);
    }

    /** {@code page_pool_put_page_bulk()}; overwrites {@code pages}. */
    public void putBulk(PagePool pool, int[] pages, int count) {
        if (recorder != null) {
            recorder.putBulk(kernel, pool, pages, count);
        }
        pool.putPageBulk(pages, count);
    }

    /** An skb marked for recycling is freed: {@code page_pool_return_skb_page()}. */
    public void skbFree(int page) {
        PagePool pool = PagePool.pp(kernel, page);
        if (recorder != null) {
            recorder.skbFree(kernel, pool, page);
        }
        PagePool.returnSkbPage(kernel, page);
    }

    /** {@code get_page()}: a clone takes a reference. */
    public void getPage(PagePool pool, int page) {
        if (recorder != null) {
            recorder.getPage(kernel, pool, page);
        }
        kernel.mm().getPage(page);
    }

    /** {@code put_page()} outside the pool API (a clone's free, or the driver bug). */
    public boolean putPage(PagePool pool, int page) {
        if (recorder != null) {
            recorder.putPage(kernel, pool, page);
        }
        return kernel.mm().putPage(page);
    }

    /** {@code page_pool_release_page()}: the page leaves the pool, still in use as a regular page. */
    public void releasePage(PagePool pool, int page) {
        if (recorder != null) {
            recorder.releasePage(kernel, pool, page);
        }
        pool.releasePage(page);
    }

    /** {@code page_pool_nid_changed()}: records only a real update. */
    public void nidChanged(PagePool pool, int nid) {
        if (pool.nid() != nid) {
            if (recorder != null) {
                recorder.updateNid(kernel, pool, nid);
            }
            pool.updateNid(nid);
        }
    }

    public void useXdpMem(PagePool pool) {
        if (recorder != null) {
            recorder.xdpReg(kernel, pool);
        }
        pool.useXdpMem();
    }

    public void destroy(PagePool pool) {
        if (recorder != null) {
            recorder.destroy(kernel, pool);
        }
        pool.destroy();
    }
}
