// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.Place;
import org.pagepool.trace.Tracer;

/**
 * The page allocator: a buddy allocator per NUMA node with the calls page_pool
 * makes ({@code alloc_pages_node}, {@code alloc_pages_bulk_array},
 * {@code get_page}, {@code put_page}) and a {@code /proc/buddyinfo} view.
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
    }

    private PageAllocator(PageAllocator o, Tracer tracer) {
        this.tracer = tracer;
        this.nodes = new NodeMemory[o.nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = o.nodes[i].copy();
        }
        this.pressure = o.pressure;
        this.failAllocCalls = o.failAllocCalls;
    }

    /**
     * A deep copy for a model snapshot, reporting to {@code tracer}. Its pages
     * still name the original pools as owners: see {@link #remapOwners}.
     */
    public PageAllocator copy(Tracer copiedTracer) {
        return new PageAllocator(this, copiedTracer);
    }

    /** Points every page's {@code owner} and {@code pp} at the copies {@code map} gives. */
    public void remapOwners(java.util.function.UnaryOperator<PageOwner> map) {
        for (NodeMemory node : nodes) {
            node.forEachPage(page -> {
                if (page.owner() != null) {
                    page.setOwner(map.apply(page.owner()), page.handle());
                }
                if (page.pp() != null) {
                    page.setPp(map.apply(page.pp()));
                }
            });
        }
    }

    /** Calls {@code action} with every page record the model has created (free or not). */
    public void forEachPage(java.util.function.Consumer<Page> action) {
        for (NodeMemory node : nodes) {
            node.forEachPage(action);
        }
    }

    /** Roughly the bytes the allocator's records take (for bounding snapshot memory). */
    public long footprintBytes() {
        long bytes = 0;
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
     * the other nodes in ascending id order; null when none has a large
     * enough free block.
     */
    public Page allocPagesNode(int nid, int order) {
        tracer.enter(KernelFunction.ALLOC_PAGES_NODE);
        if (injectedFailure()) {
            return null;
        }
        return takeBlock(nid, order);
    }

    /**
     * {@code alloc_pages_bulk_array(gfp, nrPages, array)}: fills the null slots
     * of {@code array[0..nrPages)} in index order with order-0 pages, each from
     * {@code preferredNid} if it can, else the other nodes; stops when memory
     * runs out. Returns the number of pages in the array.
     */
    public int allocPagesBulkArray(int preferredNid, int nrPages, Page[] array) {
        tracer.enter(KernelFunction.ALLOC_PAGES_BULK_ARRAY);
        if (injectedFailure()) {
            return 0;
        }
        int filled = 0;
        for (int i = 0; i < nrPages; i++) {
            if (array[i] == null) {
                Page page = takeBlock(preferredNid, 0);
                if (page == null) {
                    break;
                }
                array[i] = page;
            }
            filled++;
        }
        for (int i = filled; i < nrPages; i++) {
            if (array[i] != null) {
                filled++;
            }
        }
        return filled;
    }

    private Page takeBlock(int preferredNid, int order) {
        if (nodes[preferredNid].canSatisfy(order)) {
            return prepNewPage(nodes[preferredNid], order);
        }
        for (NodeMemory node : nodes) {
            if (node.nid != preferredNid && node.canSatisfy(order)) {
                return prepNewPage(node, order);
            }
        }
        return null;
    }

    private Page prepNewPage(NodeMemory node, int order) {
        int pfn = node.allocBlock(order);
        Page page = node.page(pfn);
        page.refcount = 1;
        page.order = order;
        page.setPpMagic(pressure ? Page.PFMEMALLOC_BIT : 0);
        return page;
    }

    /** {@code get_page()}: one more reference. */
    public void getPage(Page page) {
        tracer.enter(KernelFunction.GET_PAGE);
        if (page.refcount <= 0) {
            throw new ModelRefusal("get_page on a free page (" + page + "): use after free");
        }
        page.refcount++;
    }

    /**
     * {@code put_page()}: drops one reference; at zero the block goes back to
     * its node's free lists. Returns true when the page was freed.
     */
    public boolean putPage(Page page) {
        tracer.enter(KernelFunction.PUT_PAGE);
        if (page.refcount <= 0) {
            throw new ModelRefusal("put_page on a free page (" + page + "): double free");
        }
        if (--page.refcount > 0) {
            return false;
        }
        Place from = page.place();
        page.resetOnFree();
        nodes[page.nid()].freeBlock(page.pfn(), page.order);
        if (from != Place.BUDDY) {
            PageOwner owner = page.owner();
            tracer.moved(owner == null ? 0 : owner.id(), page.handle(), page.nid(), page.pfn(), page.order,
                    from, Place.BUDDY);
        }
        page.order = 0;
        return true;
    }

    /** Moves a page the allocator handed out to {@code to}, telling the tracer. */
    public void move(Page page, Place to) {
        if (!tracer.enabled()) {
            page.setPlace(to); // nobody listens: no need to decode where it was
            return;
        }
        Place from = page.place();
        page.setPlace(to);
        PageOwner owner = page.owner();
        tracer.moved(owner == null ? 0 : owner.id(), page.handle(), page.nid(), page.pfn(), page.order, from, to);
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

    /** The page record of a frame (created on first use, as the kernel's memmap always has one). */
    public Page page(int nid, int pfn) {
        return nodes[nid].page(pfn);
    }

    /** The page record of a frame if the model ever used that frame, else null. */
    public Page existingPage(int nid, int pfn) {
        return nodes[nid].existingPage(pfn);
    }

    /** True when {@code pfn} starts a free block of exactly {@code order} on node {@code nid}. */
    public boolean isFreeBlock(int nid, int pfn, int order) {
        return nodes[nid].isFreeBlock(pfn, order);
    }

    /** Calls {@code action} with the first pfn of each free block of that order and node, ascending. */
    public void forEachFreeBlock(int nid, int order, java.util.function.IntConsumer action) {
        nodes[nid].forEachFreeBlock(order, action);
    }
}
