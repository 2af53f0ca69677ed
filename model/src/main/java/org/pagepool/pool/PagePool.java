// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import java.util.Arrays;
import org.pagepool.dma.DmaDirection;
import org.pagepool.dma.DmaMapper;
import org.pagepool.kernel.Kernel;
import org.pagepool.kernel.Refcount;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.ModelRefusal;
import org.pagepool.mm.PageAllocator;
import org.pagepool.mm.PageOwner;
import org.pagepool.mm.PageRef;
import org.pagepool.ring.PtrRing;
import org.pagepool.time.DelayedWork;
import org.pagepool.time.Jiffies;
import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.Place;
import org.pagepool.trace.Tracer;

/**
 * {@code struct page_pool} and the functions of Linux v5.14
 * {@code net/core/page_pool.c}, ported one by one under their kernel names
 * (in camelCase), plus the statistics of 5.18.
 *
 * <p>A {@code struct page *} is an int ({@link PageRef}, 0 for NULL) and the
 * page's fields are read and written in the kernel's {@link MemMap}.
 *
 * <p>Where the kernel would corrupt memory (putting a page that sits in the
 * cache or the ring, using a freed pool) the model throws {@link ModelRefusal}
 * before it changes anything.
 *
 * <p>Single-threaded: the thread that owns the model calls everything.
 */
public final class PagePool implements PageOwner {
    /** {@code PP_ALLOC_CACHE_SIZE}. */
    public static final int PP_ALLOC_CACHE_SIZE = 128;
    /** {@code PP_ALLOC_CACHE_REFILL}. */
    public static final int PP_ALLOC_CACHE_REFILL = 64;
    /** {@code PP_FLAG_DMA_MAP}: the pool maps pages for DMA. */
    public static final int PP_FLAG_DMA_MAP = 1;
    /** {@code PP_FLAG_DMA_SYNC_DEV}: the pool syncs recycled pages for the device. */
    public static final int PP_FLAG_DMA_SYNC_DEV = 1 << 1;
    /** {@code PP_FLAG_ALL}. */
    public static final int PP_FLAG_ALL = PP_FLAG_DMA_MAP | PP_FLAG_DMA_SYNC_DEV;
    /** The default ring size when {@code pool_size} is 0. */
    public static final int DEFAULT_RING_SIZE = 1024;
    /** The largest ring {@code page_pool_init()} accepts. */
    public static final int MAX_RING_SIZE = 32768;

    static final long DEFER_TIME = Jiffies.msecsToJiffies(1000);
    static final long DEFER_WARN_INTERVAL = 60L * Jiffies.HZ;
    static final int PAGE_SIZE = 1 << DmaMapper.PAGE_SHIFT;

    private final Kernel kernel;
    private final Tracer tracer;
    /** The kernel's page allocator; memory is fixed once a pool exists. */
    private final PageAllocator mm;
    /** The struct pages: {@code page->pp_magic}, {@code page->pp}, {@code _refcount} and the model's fields. */
    private final MemMap memmap;
    private final int id;
    /** The checks that refuse what would corrupt memory, kept apart so that this file reads like the kernel's. */
    private final PoolRefusals refusals;

    // pool->p, copied from the params; update_nid changes nid.
    private final int flags;
    private final int order;
    final DmaDirection dmaDir;
    final int maxLen;
    final int offset;
    private final int poolSize;
    int nid;

    // The state below is package-private for PoolCopy, which copies it for snapshots.
    final AllocCache alloc = new AllocCache();
    final PtrRing ring;
    int pagesStateHoldCnt;
    int pagesStateReleaseCnt;
    final Refcount userCnt;
    int destroyCnt;
    long deferStart;
    long deferWarn;
    final DelayedWork releaseDw;
    final PoolStats stats = new PoolStats();
    /** DMA syncs made while the queues ran on threads of their own ({@link Kernel#holdPollContext}). */
    private long heldSyncs;
    PoolState state = PoolState.ALIVE;

    /** {@code kzalloc_node()} and the fields {@code page_pool_init()} sets; also a snapshot's copy (see PoolCopy). */
    PagePool(Kernel kernel, int id, PagePoolParams params, PtrRing ring, Refcount userCnt) {
        this.kernel = kernel;
        this.tracer = kernel.tracer();
        this.mm = kernel.mm();
        this.memmap = mm.memMap();
        this.id = id;
        this.refusals = new PoolRefusals(memmap, id);
        this.flags = params.flags();
        this.order = params.order();
        this.dmaDir = params.dmaDir();
        this.maxLen = params.maxLen();
        this.offset = params.offset();
        this.poolSize = params.poolSize();
        this.nid = params.nid();
        this.ring = ring;
        this.userCnt = userCnt;
        this.releaseDw = new DelayedWork(KernelFunction.PAGE_POOL_RELEASE_RETRY.kernelName(), this::releaseRetry);
    }

    /** This pool's copy in {@code copy} (made on first request). */
    PagePool copyInto(ModelCopy copy) {
        return PoolCopy.copy(this, copy);
    }

    Kernel kernel() {
        return kernel;
    }

    // ---- creation -------------------------------------------------------------------------------------------

    /**
     * {@code page_pool_create()}: {@code kzalloc_node()} on {@code params.nid}
     * (a node that does not exist is refused), then {@code page_pool_init()}'s
     * checks in the kernel's order.
     *
     * @throws PoolCreateException with EINVAL or E2BIG, after printing the kernel's warning
     */
    public static PagePool create(Kernel kernel, PagePoolParams params) throws PoolCreateException {
        kernel.tracer().enter(KernelFunction.PAGE_POOL_CREATE);
        if (params.nid() != Kernel.NUMA_NO_NODE && !kernel.mm().nodeExists(params.nid())) {
            throw new ModelRefusal("node " + params.nid() + " does not exist (nodes 0.."
                    + (kernel.mm().nodeCount() - 1) + ")");
        }
        int err = pagePoolInit(kernel, params);
        if (err < 0) {
            kernel.log().print("page_pool_create() gave up with errno " + err);
            throw new PoolCreateException(-err);
        }
        int ringQsize = params.poolSize() != 0 ? params.poolSize() : DEFAULT_RING_SIZE;
        int id = kernel.nextPoolId();
        PagePool pool = new PagePool(kernel, id, params, new PtrRing(ringQsize), new Refcount(kernel, 1));
        kernel.registerPool(pool);
        return pool;
    }

    /** {@code page_pool_init()}'s checks: 0 or -errno. {@link #create} then builds the ring. */
    private static int pagePoolInit(Kernel kernel, PagePoolParams p) {
        kernel.tracer().enter(KernelFunction.PAGE_POOL_INIT);
        long ringQsize = DEFAULT_RING_SIZE;

        if ((p.flags() & ~PP_FLAG_ALL) != 0) {
            return -PoolCreateException.EINVAL; // only known flags
        }
        if (p.poolSize() != 0) {
            ringQsize = Integer.toUnsignedLong(p.poolSize());
        }
        if (ringQsize > MAX_RING_SIZE) {
            return -PoolCreateException.E2BIG; // sanity limit on memory pinned down
        }
        if ((p.flags() & PP_FLAG_DMA_MAP) != 0
                && p.dmaDir() != DmaDirection.FROM_DEVICE && p.dmaDir() != DmaDirection.BIDIRECTIONAL) {
            return -PoolCreateException.EINVAL; // a mapped pool receives (or also sends, for XDP_TX)
        }
        if ((p.flags() & PP_FLAG_DMA_SYNC_DEV) != 0) {
            if ((p.flags() & PP_FLAG_DMA_MAP) == 0) {
                return -PoolCreateException.EINVAL; // syncing needs a mapping
            }
            if (p.maxLen() == 0) {
                return -PoolCreateException.EINVAL;
            }
        }
        // ptr_ring_init() cannot fail for rings of at most 32768 slots; user_cnt starts at 1.
        return 0;
    }

    // ---- the model's own bookkeeping, through this pool's fields ----------------------------------------------

    /** A freed pool refuses every call (see {@link PoolRefusals}). */
    private void checkNotFreed() {
        if (state == PoolState.FREED) {
            throw refusals.useAfterFree();
        }
    }

    /** The guard of every put: only a page the driver holds from this pool comes back (see {@link PoolRefusals}). */
    private void checkHeld(int page) {
        if (!memmap.isHeldBy(page, id)) {
            throw refusals.notHeld(page, state);
        }
    }

    /** The page is now at {@code to} (the model's place, for views, traces and the guard). */
    private void move(int page, Place to) {
        memmap.move(page, to, tracer);
    }

    // ---- allocation -----------------------------------------------------------------------------------------

    /** {@code page_pool_refill_alloc_cache()}: up to 64 pages from the ring, stopping at another node's page. */
    private int refillAllocCache() {
        tracer.enter(KernelFunction.PAGE_POOL_REFILL_ALLOC_CACHE);
        if (ring.isEmpty()) {
            stats.empty++;
            return PageRef.NULL; // quicker fallback: no locks when the ring is empty
        }
        int prefNid = nid == Kernel.NUMA_NO_NODE ? kernel.numaMemId() : nid;
        int page;
        // spin_lock(&r->consumer_lock)
        do {
            page = ring.consume();
            if (page == PageRef.NULL) {
                break;
            }
            if (PageRef.pageToNid(page) == prefNid) {
                alloc.cache[alloc.count++] = page;
                move(page, Place.ALLOC_CACHE);
            } else {
                // NUMA mismatch: give this page back and fall through to the page allocator
                returnPage(page);
                stats.waive++;
                page = PageRef.NULL;
                break;
            }
        } while (alloc.count < PP_ALLOC_CACHE_REFILL);

        if (alloc.count > 0) {
            page = alloc.cache[--alloc.count];
            stats.refill++;
        }
        return page;
    }

    /** {@code __page_pool_get_cached()}: the fast path, else a refill from the ring. */
    private int getCached() {
        tracer.enter(KernelFunction.PAGE_POOL_GET_CACHED);
        int page;
        if (alloc.count > 0) {
            page = alloc.cache[--alloc.count];
            stats.fast++;
        } else {
            page = refillAllocCache();
        }
        return page;
    }

    /** {@code page_pool_dma_sync_for_device()}: syncs min(size, max_len) bytes at the pool's offset. */
    private void dmaSyncForDevice(int page, int dmaSyncSize) {
        tracer.enter(KernelFunction.PAGE_POOL_DMA_SYNC_FOR_DEVICE);
        if (kernel.contextHeld()) {
            heldSyncs++; // the DMA layer's count is shared by the queues' threads: added to it after (takeHeldSyncs)
            return;
        }
        long dma = memmap.dmaAddr(page);
        int size = Integer.compareUnsigned(dmaSyncSize, maxLen) < 0 ? dmaSyncSize : maxLen;
        kernel.dma().syncSingleRangeForDevice(dma, Integer.toUnsignedLong(offset), Integer.toUnsignedLong(size),
                dmaDir);
    }

    /** The DMA syncs counted here while the queues ran on threads of their own, handed over to be added. */
    public long takeHeldSyncs() {
        long n = heldSyncs;
        heldSyncs = 0;
        return n;
    }

    /** {@code page_pool_dma_map()}: maps the whole block for its lifetime in the pool. */
    private boolean dmaMap(int page) {
        tracer.enter(KernelFunction.PAGE_POOL_DMA_MAP);
        long dma = kernel.dma().mapPageAttrs(page, 0, (long) PAGE_SIZE << order, dmaDir);
        if (DmaMapper.mappingError(dma)) {
            return false;
        }
        memmap.setDmaAddr(page, dma);
        if ((flags & PP_FLAG_DMA_SYNC_DEV) != 0) {
            dmaSyncForDevice(page, maxLen);
        }
        return true;
    }

    /** {@code __page_pool_alloc_page_order()}: one {@code alloc_pages_node()} call for one block. */
    private int allocPageOrder() {
        tracer.enter(KernelFunction.PAGE_POOL_ALLOC_PAGE_ORDER);
        int node = nid == Kernel.NUMA_NO_NODE ? kernel.numaMemId() : nid;
        int page = mm.allocPagesNode(node, order);
        if (page == PageRef.NULL) {
            return PageRef.NULL;
        }
        if ((flags & PP_FLAG_DMA_MAP) != 0 && !dmaMap(page)) {
            mm.putPage(page);
            return PageRef.NULL;
        }
        stats.slowHighOrder++;
        memmap.setPpMagic(page, memmap.ppMagic(page) | MemMap.PP_SIGNATURE);
        stateHold(page);
        return page;
    }

    /** {@code __page_pool_alloc_pages_slow()}: a bulk of 64 order-0 pages into the cache, or one high-order block. */
    private int allocPagesSlow() {
        tracer.enter(KernelFunction.PAGE_POOL_ALLOC_PAGES_SLOW);
        final int bulk = PP_ALLOC_CACHE_REFILL;

        if (order != 0) {
            return allocPageOrder(); // no bulk allocation for high-order pages
        }
        if (alloc.count > 0) {
            return alloc.cache[--alloc.count]; // unreachable: the cache is empty here
        }
        Arrays.fill(alloc.cache, 0, bulk, PageRef.NULL); // empty slots for alloc_pages_bulk_array
        int nrPages = mm.allocPagesBulkArray(kernel.numaMemId(), bulk, alloc.cache);
        if (nrPages == 0) {
            return PageRef.NULL;
        }
        for (int i = 0; i < nrPages; i++) {
            int page = alloc.cache[i];
            if ((flags & PP_FLAG_DMA_MAP) != 0 && !dmaMap(page)) {
                mm.putPage(page);
                continue;
            }
            memmap.setPpMagic(page, memmap.ppMagic(page) | MemMap.PP_SIGNATURE);
            alloc.cache[alloc.count++] = page;
            stateHold(page);
        }
        int page;
        if (alloc.count > 0) {
            page = alloc.cache[--alloc.count];
            stats.slow++;
        } else {
            page = PageRef.NULL;
        }
        return page;
    }

    /** {@code pool->pages_state_hold_cnt++} and its tracepoint: the page gets its handle here. */
    private void stateHold(int page) {
        pagesStateHoldCnt++;
        memmap.setOwner(page, id, pagesStateHoldCnt);
        tracer.stateHold(id, page, pagesStateHoldCnt);
        move(page, order == 0 ? Place.ALLOC_CACHE : Place.DRIVER);
    }

    /**
     * {@code page_pool_alloc_pages(pool, GFP_ATOMIC)}: a page for the driver,
     * or NULL when the cache, the ring and the page allocator have none.
     */
    public int allocPages() {
        checkNotFreed();
        tracer.enter(KernelFunction.PAGE_POOL_ALLOC_PAGES);
        int page = getCached(); // the fast path: a page from the cache
        if (page != PageRef.NULL) {
            move(page, Place.DRIVER); // the model knows where it was: in the cache
            return page;
        }
        page = allocPagesSlow(); // the cache was empty: a real allocation
        if (page != PageRef.NULL && !memmap.isAt(page, Place.DRIVER)) {
            move(page, Place.DRIVER); // a bulk of order-0 pages went through the cache, a high-order block did not
        }
        return page;
    }

    /**
     * What {@code n} calls of {@link #allocPages} do when each finds its page
     * in the alloc cache ({@code n <= allocCount()}) and no one traces them:
     * the pages, top of the cache first, into {@code pages[0..n)}, and the
     * fast path counted {@code n} times. A driver refills its RX ring with
     * one page_pool_dev_alloc_pages() per descriptor; the simulator runs that
     * loop in one go when nothing can tell the difference. The caller places
     * the pages where it puts them (an RX descriptor) in the same step: their
     * place at the driver in between is never seen, so it is not written.
     */
    public void allocCachedPages(int[] pages, int n) {
        checkNotFreed();
        if (n > alloc.count || tracer.enabled()) {
            throw new IllegalStateException(n + " pages from a cache of " + alloc.count
                    + (tracer.enabled() ? ", traced" : ""));
        }
        int count = alloc.count;
        for (int i = 0; i < n; i++) {
            pages[i] = alloc.cache[--count];
        }
        alloc.count = count;
        stats.fast += n;
    }

    // ---- accounting and release -----------------------------------------------------------------------------

    /** {@code page_pool_inflight()}: hold - release as a 32-bit serial-number distance. */
    private int inflight() {
        tracer.enter(KernelFunction.PAGE_POOL_INFLIGHT);
        int inflight = pagesStateHoldCnt - pagesStateReleaseCnt;
        tracer.poolRelease(id, inflight, pagesStateHoldCnt, pagesStateReleaseCnt, destroyCnt);
        if (inflight < 0) {
            kernel.log().print("Negative(" + inflight + ") inflight packet-pages");
        }
        return inflight;
    }

    /** {@code page_pool_release_page()} itself: unmap, clear the signature, count the release. */
    private void releasePageInternal(int page) {
        tracer.enter(KernelFunction.PAGE_POOL_RELEASE_PAGE);
        if ((flags & PP_FLAG_DMA_MAP) != 0) {
            long dma = memmap.dmaAddr(page);
            kernel.dma().unmapPageAttrs(dma, (long) PAGE_SIZE << order, dmaDir);
            memmap.setDmaAddr(page, 0);
        }
        memmap.setPpMagic(page, 0);
        pagesStateReleaseCnt++;
        tracer.stateRelease(id, page, pagesStateReleaseCnt);
        move(page, Place.DETACHED);
    }

    /**
     * {@code page_pool_release_page()}: the driver takes a page it holds out of
     * the pool, to use it as a regular page.
     */
    public void releasePage(int page) {
        checkHeld(page);
        releasePageInternal(page);
    }

    /** {@code page_pool_return_page()}: release the page and give it back to the page allocator. */
    private void returnPage(int page) {
        tracer.enter(KernelFunction.PAGE_POOL_RETURN_PAGE);
        releasePageInternal(page);
        mm.putPage(page);
    }

    // ---- recycling ------------------------------------------------------------------------------------------

    /** {@code page_pool_recycle_in_ring()}. */
    private boolean recycleInRing(int page) {
        tracer.enter(KernelFunction.PAGE_POOL_RECYCLE_IN_RING);
        // ptr_ring_produce() in softirq, ptr_ring_produce_bh() otherwise: the same without real locks
        if (ring.produce(page)) {
            stats.ring++;
            move(page, Place.PTR_RING);
            return true;
        }
        return false;
    }

    /** True when {@code page_pool_recycle_direct()} in NAPI would put {@code page} into the cache (and do no more). */
    public boolean recyclesInCache(int page) {
        return alloc.count < PP_ALLOC_CACHE_SIZE && memmap.pageRefCount(page) == 1 && !memmap.pageIsPfmemalloc(page);
    }

    /** {@code page_pool_recycle_in_cache()}: only in NAPI context, only while the cache has room. */
    private boolean recycleInCache(int page) {
        tracer.enter(KernelFunction.PAGE_POOL_RECYCLE_IN_CACHE);
        if (alloc.count == PP_ALLOC_CACHE_SIZE) {
            stats.cacheFull++;
            return false;
        }
        alloc.cache[alloc.count++] = page;
        stats.cached++;
        move(page, Place.ALLOC_CACHE);
        return true;
    }

    /**
     * {@code __page_pool_put_page()}: recycle a page only when the pool is its
     * sole owner and it is not a pfmemalloc page; returns the page when it should
     * go to the ring, NULL when it was cached or released.
     */
    private int putPageInternal(int page, int dmaSyncSize, boolean allowDirect) {
        tracer.enter(KernelFunction.PAGE_POOL_PUT_PAGE_INTERNAL);
        if (memmap.pageRefCount(page) == 1 && !memmap.pageIsPfmemalloc(page)) {
            if ((flags & PP_FLAG_DMA_SYNC_DEV) != 0) {
                dmaSyncForDevice(page, dmaSyncSize);
            }
            if (allowDirect && kernel.inServingSoftirq() && recycleInCache(page)) {
                return PageRef.NULL;
            }
            return page; // a candidate for the ring
        }
        // Elevated refcount (or pfmemalloc): unmap and let go; other users keep their references.
        stats.releasedRefcnt++;
        releasePageInternal(page);
        mm.putPage(page);
        return PageRef.NULL;
    }

    /**
     * {@code page_pool_put_page(pool, page, dma_sync_size, allow_direct)}.
     * {@code dmaSyncSize} is unsigned: -1 means the whole {@code max_len}.
     */
    public void putPage(int page, int dmaSyncSize, boolean allowDirect) {
        checkHeld(page);
        tracer.enter(KernelFunction.PAGE_POOL_PUT_PAGE);
        int toRing = putPageInternal(page, dmaSyncSize, allowDirect);
        if (toRing != PageRef.NULL && !recycleInRing(toRing)) {
            stats.ringFull++;
            returnPage(toRing); // ring full: back to the page allocator
        }
    }

    /** {@code page_pool_put_full_page()}. */
    public void putFullPage(int page, boolean allowDirect) {
        putPage(page, -1, allowDirect);
    }

    /**
     * What {@link #recycleDirect} does, in NAPI, for a page the driver holds
     * and {@link #recyclesInCache} said yes to, when no one traces it: the
     * same sync, count and place, without asking the page again what the
     * caller just asked it. The simulator's busiest step, XDP_DROP run ahead.
     */
    public void recycleDirectInCache(int page) {
        if ((flags & PP_FLAG_DMA_SYNC_DEV) != 0) {
            dmaSyncForDevice(page, -1);
        }
        recycleInCache(page); // the caller saw room in the cache
    }

    /** {@code page_pool_recycle_direct()}: NAPI context, the whole page. */
    public void recycleDirect(int page) {
        putFullPage(page, true);
    }

    /**
     * {@code page_pool_put_page_bulk(pool, data, count)}: every page is checked,
     * the recyclable ones produced into the ring under one lock, the rest of
     * those freed when the ring fills. Overwrites {@code data}, as the kernel does.
     */
    public void putPageBulk(int[] data, int count) {
        refusals.checkBulk(data, count, state);
        tracer.enter(KernelFunction.PAGE_POOL_PUT_PAGE_BULK);
        int bulkLen = 0;
        for (int i = 0; i < count; i++) {
            int page = putPageInternal(data[i], -1, false);
            if (page != PageRef.NULL) {
                data[bulkLen++] = page; // approved for bulk recycling into the ring
            }
        }
        if (bulkLen == 0) {
            return;
        }
        int i;
        // page_pool_ring_lock(pool)
        for (i = 0; i < bulkLen; i++) {
            if (!ring.produce(data[i])) {
                stats.ringFull++;
                break;
            }
            move(data[i], Place.PTR_RING);
        }
        stats.ring += i;
        if (i == bulkLen) {
            return;
        }
        for (; i < bulkLen; i++) {
            returnPage(data[i]); // ring full: freed outside the producer lock
        }
    }

    // ---- destruction ----------------------------------------------------------------------------------------

    /** {@code page_pool_empty_ring()}. */
    private void emptyRing() {
        tracer.enter(KernelFunction.PAGE_POOL_EMPTY_RING);
        int page;
        while ((page = ring.consume()) != PageRef.NULL) {
            if (memmap.pageRefCount(page) != 1) {
                kernel.log().print("page_pool_empty_ring() page_pool refcnt " + memmap.pageRefCount(page)
                        + " violation");
            }
            returnPage(page);
        }
    }

    /** {@code page_pool_free()}: the pool is gone (disconnect, ring cleanup, put_device, kfree). */
    private void free() {
        tracer.enter(KernelFunction.PAGE_POOL_FREE);
        state = PoolState.FREED;
    }

    /** {@code page_pool_empty_alloc_cache_once()}: only the first time the pool is scrubbed. */
    private void emptyAllocCacheOnce() {
        tracer.enter(KernelFunction.PAGE_POOL_EMPTY_ALLOC_CACHE_ONCE);
        if (destroyCnt != 0) {
            return;
        }
        while (alloc.count > 0) {
            int page = alloc.cache[--alloc.count];
            returnPage(page);
        }
    }

    /** {@code page_pool_scrub()}. */
    private void scrub() {
        tracer.enter(KernelFunction.PAGE_POOL_SCRUB);
        emptyAllocCacheOnce();
        destroyCnt++;
        emptyRing(); // no consumers remain, but producers may still be in flight
    }

    /** {@code page_pool_release()}: scrub, then free the pool if nothing is in flight. */
    private int release() {
        tracer.enter(KernelFunction.PAGE_POOL_RELEASE);
        scrub();
        int inflight = inflight();
        if (inflight == 0) {
            free();
        }
        return inflight;
    }

    /** {@code page_pool_release_retry()}: the delayed work, every second until the last page is back. */
    private void releaseRetry() {
        tracer.enter(KernelFunction.PAGE_POOL_RELEASE_RETRY);
        int inflight = release();
        if (inflight == 0) {
            return;
        }
        long jiffies = kernel.jiffies().now();
        if (Jiffies.timeAfterEq(jiffies, deferWarn)) {
            int sec = ((int) jiffies - (int) deferStart) / Jiffies.HZ;
            kernel.log().print("page_pool_release_retry() stalled pool shutdown " + inflight + " inflight "
                    + sec + " sec");
            deferWarn = jiffies + DEFER_WARN_INTERVAL;
        }
        kernel.jiffies().scheduleDelayedWork(releaseDw, DEFER_TIME);
    }

    /** {@code page_pool_use_xdp_mem()}: one more user (the XDP memory model). */
    public void useXdpMem() {
        checkNotFreed();
        tracer.enter(KernelFunction.PAGE_POOL_USE_XDP_MEM);
        userCnt.inc();
    }

    /** {@code page_pool_destroy()}: drop a user; the last one releases the pool, now or later. */
    public void destroy() {
        checkNotFreed();
        tracer.enter(KernelFunction.PAGE_POOL_DESTROY);
        if (!userCnt.decAndTest()) {
            return; // page_pool_put(): other users remain
        }
        if (release() == 0) {
            return;
        }
        long jiffies = kernel.jiffies().now();
        deferStart = jiffies;
        deferWarn = jiffies + DEFER_WARN_INTERVAL;
        state = PoolState.DEFERRED;
        kernel.jiffies().scheduleDelayedWork(releaseDw, DEFER_TIME);
    }

    /** {@code page_pool_update_nid()}: prefer another node and flush the alloc cache. */
    public void updateNid(int newNid) {
        checkNotFreed();
        if (newNid != Kernel.NUMA_NO_NODE && !kernel.mm().nodeExists(newNid)) {
            throw new ModelRefusal("node " + newNid + " does not exist (nodes 0.."
                    + (kernel.mm().nodeCount() - 1) + ")");
        }
        tracer.enter(KernelFunction.PAGE_POOL_UPDATE_NID);
        tracer.updateNid(id, nid, newNid);
        nid = newNid;
        while (alloc.count > 0) {
            int page = alloc.cache[--alloc.count];
            returnPage(page); // refill checks the node, so the cached pages must go
        }
    }

    /** {@code page_pool_nid_changed()}: what drivers call every NAPI poll. */
    public void nidChanged(int newNid) {
        checkNotFreed();
        if (nid != newNid) {
            updateNid(newNid);
        }
    }

    /** {@code page_pool_store_mem_info()} via {@code skb_mark_for_recycle()}: the page rides an skb. */
    public void storeMemInfo(int page) {
        checkHeld(page);
        memmap.setPp(page, id);
    }

    /**
     * {@code page_pool_return_skb_page()}: an skb marked for recycling is freed;
     * {@code page->pp} names the pool, and the page goes back with allow_direct
     * false (so never into the cache). False when the page is not a pool page.
     */
    public static boolean returnSkbPage(Kernel kernel, int page) {
        MemMap memmap = kernel.mm().memMap();
        // page = compound_head(page): the model's pages are head pages
        if ((memmap.ppMagic(page) & ~0x3L) != MemMap.PP_SIGNATURE) {
            kernel.tracer().enter(KernelFunction.PAGE_POOL_RETURN_SKB_PAGE); // the kernel ran it, to say no
            return false; // not a page_pool page (the mask keeps the head and pfmemalloc bits out)
        }
        PagePool pp = pp(kernel, page);
        if (pp == null) {
            throw new ModelRefusal(PoolRefusals.describe(memmap, page)
                    + " has no page->pp: its skb was not marked for recycling");
        }
        pp.checkHeld(page);
        pp.tracer.enter(KernelFunction.PAGE_POOL_RETURN_SKB_PAGE);
        memmap.setPp(page, 0); // reset on recycle
        pp.putFullPage(page, false);
        return true;
    }

    /** {@code page->pp}: the pool an skb's page goes back to, or null when the field is NULL. */
    public static PagePool pp(Kernel kernel, int page) {
        return (PagePool) kernel.pool(kernel.mm().memMap().pp(page));
    }

    /** The pool that counts {@code page} as held (model bookkeeping; it may be freed), or null for none. */
    public static PagePool owner(Kernel kernel, int page) {
        return (PagePool) kernel.pool(kernel.mm().memMap().owner(page));
    }

    // ---- what the model shows -------------------------------------------------------------------------------

    @Override
    public int id() {
        return id;
    }

    public PoolState state() {
        return state;
    }

    /** {@code pool->alloc.count}. */
    public int allocCount() {
        return alloc.count;
    }

    /** The page in cache slot {@code index} (meaningful below {@link #allocCount()}). */
    public int allocCacheSlot(int index) {
        return alloc.cache[index];
    }

    /** Copies the cache's pages, bottom of the stack first, into {@code dest[0..allocCount())}. */
    public void copyAllocCache(int[] dest) {
        System.arraycopy(alloc.cache, 0, dest, 0, alloc.count);
    }

    /** The pool's ptr_ring (read it, do not change it). */
    public PtrRing ring() {
        return ring;
    }

    /** {@code pages_state_hold_cnt} (unsigned 32-bit). */
    public int holdCount() {
        return pagesStateHoldCnt;
    }

    /** {@code pages_state_release_cnt} (unsigned 32-bit). */
    public int releaseCount() {
        return pagesStateReleaseCnt;
    }

    /** hold - release, signed, as {@code page_pool_inflight()} computes it (without its tracepoint). */
    public int inflightCount() {
        return pagesStateHoldCnt - pagesStateReleaseCnt;
    }

    /** {@code user_cnt} (read as unsigned when printed). */
    public int users() {
        return userCnt.read();
    }

    /** {@code pool->p.nid}. */
    public int nid() {
        return nid;
    }

    public int order() {
        return order;
    }

    public int flags() {
        return flags;
    }

    /** {@code pool->p.pool_size} as given (0 for the default ring). */
    public int poolSize() {
        return poolSize;
    }

    public int destroyCount() {
        return destroyCnt;
    }

    public PoolStatsSnapshot stats() {
        return stats.snapshot();
    }

    /** When the release retry runs next, or -1 when it is not scheduled. */
    public long nextRetry() {
        return releaseDw.isPending() ? releaseDw.due() : -1;
    }
}
