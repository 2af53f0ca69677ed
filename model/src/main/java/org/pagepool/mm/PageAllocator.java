// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import java.util.function.IntConsumer;
import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.Place;
import org.pagepool.trace.Tracer;

/**
 * The page allocator: a buddy allocator per NUMA node with the calls page_pool
 * makes ({@code alloc_pages_node}, {@code alloc_pages_bulk_array},
 * {@code get_page}, {@code put_page}) and a {@code /proc/buddyinfo} view,
 * over the {@link MemMap} of {@code struct page}s; pages are {@link PageRef}s.
 * Which block a request takes is fixed by the spec (smallest order, lowest
 * address, preferred node first, then the others by id) so runs repeat exactly.
 * Single-threaded.
 */
public final class PageAllocator {
    /** Orders 0..MAX_ORDER-1, as the kernel's MAX_ORDER (11) on x86-64. */
    public static final int MAX_ORDER = 11;
    public static final int MAX_NODES = 8;
    public static final int MAX_NODE_PAGES = 1 << 24;

    private final NodeMemory[] nodes;
    private final MemMap memmap;
    private final Tracer tracer;
    private boolean pressure;
    private int failAllocCalls;

    /** Memory with {@code nodePages[i]} pages on node i, each node cut into free blocks. */
    public PageAllocator(int[] nodePages, Tracer tracer) {
        if (nodePages.length < 1 || nodePages.length > MAX_NODES) {
            throw new IllegalArgumentException("1.." + MAX_NODES + " nodes, not " + nodePages.length);
        }
        this.tracer = tracer;
        this.nodes = new NodeMemory[nodePages.length];
        for (int nid = 0; nid < nodePages.length; nid++) {
            if (nodePages[nid] < 0 || nodePages[nid] > MAX_NODE_PAGES) {
                throw new IllegalArgumentException("node " + nid + ": 0.." + MAX_NODE_PAGES + " pages");
            }
            nodes[nid] = new NodeMemory(nid, nodePages[nid]);
        }
        this.memmap = new MemMap(nodePages);
    }

    private PageAllocator(PageAllocator o, Tracer tracer) {
        this.tracer = tracer;
        this.nodes = new NodeMemory[o.nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = o.nodes[i].copy();
        }
        this.memmap = o.memmap.copy();
        this.pressure = o.pressure;
        this.failAllocCalls = o.failAllocCalls;
    }

    /**
     * A copy for a model snapshot, reporting to {@code copiedTracer}: the free
     * lists are copied, the struct pages shared until either side writes
     * (pages name their pools by id, so nothing needs remapping).
     */
    public PageAllocator copy(Tracer copiedTracer) {
        return new PageAllocator(this, copiedTracer);
    }

    /** Packs what a copy that is kept, not used, can pack (see {@link MemMap#keep}). */
    public void keep() {
        memmap.keep();
    }

    /** The {@code struct page} array: every page's fields. */
    public MemMap memMap() {
        return memmap;
    }

    /** Calls {@code action} with every page of the memory the model has touched (free or not). */
    public void forEachPage(IntConsumer action) {
        memmap.forEachPage(action);
    }

    /** Roughly the bytes the allocator's records take (for bounding snapshot memory). */
    public long footprintBytes() {
        long bytes = memmap.footprintBytes();
        for (NodeMemory node : nodes) {
            bytes += node.footprintBytes();
        }
        return bytes;
    }

    public int nodeCount() {
        return nodes.length;
    }

    public boolean nodeExists(int nid) {
        return nid >= 0 && nid < nodes.length;
    }

    public int nodePages(int nid) {
        return nodes[nid].size;
    }

    /** While on, every page handed out comes from the pfmemalloc reserves. */
    public void setPressure(boolean on) {
        pressure = on;
    }

    public boolean pressure() {
        return pressure;
    }

    /** The next {@code calls} allocation calls fail (a bulk returns no page, a single call NULL). */
    public void failNextAllocCalls(int calls) {
        failAllocCalls = calls;
    }

    public int pendingAllocFailures() {
        return failAllocCalls;
    }

    private boolean injectedFailure() {
        if (failAllocCalls > 0) {
            failAllocCalls--;
            return true;
        }
        return false;
    }

    /**
     * {@code alloc_pages_node(nid, gfp, order)}: one block of 2^order pages
     * from node {@code nid} (already resolved, not NUMA_NO_NODE), else from
     * the other nodes in ascending id order; NULL when none has a large
     * enough free block.
     */
    public int allocPagesNode(int nid, int order) {
        tracer.enter(KernelFunction.ALLOC_PAGES_NODE);
        if (injectedFailure()) {
            return PageRef.NULL;
        }
        return takeBlock(nid, order);
    }

    /**
     * {@code alloc_pages_bulk_array(gfp, nrPages, array)}: fills the NULL slots
     * of {@code array[0..nrPages)} in index order with order-0 pages, each from
     * {@code preferredNid} if it can, else the other nodes; stops when memory
     * runs out. Returns the number of pages in the array.
     */
    public int allocPagesBulkArray(int preferredNid, int nrPages, int[] array) {
        tracer.enter(KernelFunction.ALLOC_PAGES_BULK_ARRAY);
        if (injectedFailure()) {
            return 0;
        }
        int filled = 0;
        for (int i = 0; i < nrPages; i++) {
            if (array[i] == PageRef.NULL) {
                int page = takeBlock(preferredNid, 0);
                if (page == PageRef.NULL) {
                    break;
                }
                array[i] = page;
            }
            filled++;
        }
        for (int i = filled; i < nrPages; i++) {
            if (array[i] != PageRef.NULL) {
                filled++;
            }
        }
        return filled;
    }

    private int takeBlock(int preferredNid, int order) {
        if (nodes[preferredNid].canSatisfy(order)) {
            return prepNewPage(nodes[preferredNid], order);
        }
        for (NodeMemory node : nodes) {
            if (node.nid != preferredNid && node.canSatisfy(order)) {
                return prepNewPage(node, order);
            }
        }
        return PageRef.NULL;
    }

    private int prepNewPage(NodeMemory node, int order) {
        int page = PageRef.pfnToPage(node.nid, node.allocBlock(order));
        memmap.prepNewPage(page, order, pressure);
        return page;
    }

    /** {@code get_page()}: one more reference. */
    public void getPage(int page) {
        tracer.enter(KernelFunction.GET_PAGE);
        int count = memmap.pageRefCount(page);
        if (count <= 0) {
            throw new ModelRefusal("get_page on a free page (" + memmap.describe(page) + "): use after free");
        }
        memmap.setPageCount(page, count + 1);
    }

    /**
     * {@code put_page()}: drops one reference; at zero the block goes back to
     * its node's free lists. Returns true when the page was freed.
     */
    public boolean putPage(int page) {
        tracer.enter(KernelFunction.PUT_PAGE);
        int count = memmap.pageRefCount(page);
        if (count <= 0) {
            throw new ModelRefusal("put_page on a free page (" + memmap.describe(page) + "): double free");
        }
        if (count > 1) {
            memmap.setPageCount(page, count - 1);
            return false;
        }
        // the last reference: where the page was is decoded only for a listener
        Place from = tracer.enabled() ? memmap.place(page) : Place.BUDDY;
        int order = memmap.compoundOrder(page);
        memmap.resetOnFree(page);
        nodes[PageRef.pageToNid(page)].freeBlock(PageRef.pageToPfn(page), order);
        if (from != Place.BUDDY) {
            tracer.moved(memmap.owner(page), memmap.handle(page), PageRef.pageToNid(page), PageRef.pageToPfn(page),
                    order, from, Place.BUDDY);
        }
        return true;
    }

    /** Moves a page the allocator handed out to {@code to}, telling the tracer. */
    public void move(int page, Place to) {
        memmap.move(page, to, tracer);
    }

    /** Free pages over all nodes, in order-0 units. */
    public long freePages() {
        long free = 0;
        for (NodeMemory node : nodes) {
            free += node.freePages();
        }
        return free;
    }

    public long freePages(int nid) {
        return nodes[nid].freePages();
    }

    /** Free blocks per order (0..10) on node {@code nid}: one row of {@code /proc/buddyinfo}. */
    public int[] buddyinfo(int nid) {
        int[] counts = new int[MAX_ORDER];
        for (int order = 0; order < MAX_ORDER; order++) {
            counts[order] = nodes[nid].nrFree(order);
        }
        return counts;
    }

    /** True when {@code pfn} starts a free block of exactly {@code order} on node {@code nid}. */
    public boolean isFreeBlock(int nid, int pfn, int order) {
        return nodes[nid].isFreeBlock(pfn, order);
    }

    /** Calls {@code action} with the first pfn of each free block of that order and node, ascending. */
    public void forEachFreeBlock(int nid, int order, IntConsumer action) {
        nodes[nid].forEachFreeBlock(order, action);
    }
}
