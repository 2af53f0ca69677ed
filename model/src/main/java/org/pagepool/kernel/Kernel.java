// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.kernel;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.pagepool.dma.DmaMapper;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.ModelRefusal;
import org.pagepool.mm.PageAllocator;
import org.pagepool.mm.PageOwner;
import org.pagepool.time.Jiffies;
import org.pagepool.trace.Tracer;

/**
 * The kernel services page_pool calls, in one place: the page allocator, the
 * DMA API, jiffies and delayed work, the log, and the execution context of
 * the code that runs now: its CPU, that CPU's node ({@code numa_mem_id()})
 * and whether it is a softirq ({@code in_serving_softirq()}).
 *
 * <p>The context belongs to the code that runs, not to the machine: the
 * workload interleaves simulated CPUs step by step, and each actor says where
 * its step runs ({@link #runOn}) before it calls into the pool, so a socket
 * freeing an skb in process context on one CPU never changes the context of a
 * NAPI poll that is half way through on another (or the same) CPU.
 * A script is one CPU whose node and context the script sets.
 * Single-threaded: the thread that owns the model is the only caller, but
 * for the steps a NIC's queues run on threads of their own ({@link
 * #holdPollContext}).
 */
public final class Kernel {
    /** {@code NUMA_NO_NODE}. */
    public static final int NUMA_NO_NODE = -1;
    public static final int DEFAULT_NODE_PAGES = 4096;

    private final Tracer tracer;
    private final DmaMapper dma;
    private final Jiffies jiffies;
    private final KernelLog log;
    private final Set<String> warnedOnce;
    private PageAllocator mm;
    private int cpu;
    private int cpuNode;
    private boolean softirq = true;
    /** While queues run on several threads ({@link #holdPollContext}): the context stays as it is. */
    private boolean contextHeld;
    private boolean heldSoftirq;
    private int nextPoolId = 1;
    /** Every pool by id, freed ones too: a page names its pool by id ({@code page->pp}, its owner). */
    private PageOwner[] pools = new PageOwner[8];

    /** One node of {@value #DEFAULT_NODE_PAGES} pages, CPU on node 0, in softirq. */
    public Kernel() {
        this(new int[] {DEFAULT_NODE_PAGES});
    }

    public Kernel(int[] nodePages) {
        tracer = new Tracer();
        dma = new DmaMapper(tracer);
        jiffies = new Jiffies();
        log = new KernelLog(tracer);
        warnedOnce = new HashSet<>();
        mm = new PageAllocator(nodePages, tracer);
    }

    private Kernel(Kernel o) {
        tracer = new Tracer();
        dma = o.dma.copy(tracer);
        jiffies = o.jiffies.copyWithoutWork();
        log = o.log.copy(tracer);
        warnedOnce = new HashSet<>(o.warnedOnce);
        mm = o.mm.copy(tracer);
        cpu = o.cpu;
        cpuNode = o.cpuNode;
        softirq = o.softirq;
        nextPoolId = o.nextPoolId;
        pools = new PageOwner[o.pools.length]; // each pool's copy registers itself
    }

    /**
     * A deep copy for a snapshot, with no observers and no pending work: the
     * pools re-arm their work and take over their pages as they are copied
     * (see {@code org.pagepool.pool.ModelCopy}).
     */
    public Kernel copyWithoutPools() {
        return new Kernel(this);
    }

    /** Replaces memory with fresh nodes of the given sizes (only before anything is allocated). */
    public void setMemory(int[] nodePages) {
        if (nextPoolId > 1) {
            throw new ModelRefusal("memory can only be set up before the first pool is created");
        }
        if (cpuNode >= nodePages.length) {
            throw new ModelRefusal("the CPU is on node " + cpuNode + ", which " + nodePages.length
                    + " node(s) would not have");
        }
        PageAllocator rebuilt = new PageAllocator(nodePages, tracer);
        rebuilt.setPressure(mm.pressure());
        rebuilt.failNextAllocCalls(mm.pendingAllocFailures());
        mm = rebuilt;
    }

    public Tracer tracer() {
        return tracer;
    }

    public PageAllocator mm() {
        return mm;
    }

    public DmaMapper dma() {
        return dma;
    }

    public Jiffies jiffies() {
        return jiffies;
    }

    public KernelLog log() {
        return log;
    }

    /**
     * The code that runs next runs on CPU {@code cpu}, which sits on node
     * {@code node}, in softirq context ({@code softirq}) or process context.
     */
    public void runOn(int cpu, int node, boolean softirq) {
        if (contextHeld) {
            return;
        }
        if (node != cpuNode && !mm.nodeExists(node)) {
            throw new ModelRefusal("CPU " + cpu + " is on node " + node + ", which does not exist (nodes 0.."
                    + (mm.nodeCount() - 1) + ")");
        }
        this.cpu = cpu;
        this.cpuNode = node;
        this.softirq = softirq;
    }

    /**
     * The NIC's queues run ahead on several threads at once, each step a NAPI
     * poll's or its interrupt's, until {@link #releaseContext}. Of the
     * context only {@code in_serving_softirq()} is read meanwhile, by the
     * pools the polls recycle into (an interrupt calls no pool), so it
     * answers true, and {@link #runOn} leaves the fields the threads share
     * alone. The DMA syncs of those steps are counted by their pools
     * meanwhile ({@link #contextHeld}).
     */
    public void holdPollContext() {
        heldSoftirq = softirq;
        softirq = true;
        contextHeld = true;
    }

    /** The queues are back on one thread: the context is the one before {@link #holdPollContext}. */
    public void releaseContext() {
        contextHeld = false;
        softirq = heldSoftirq;
    }

    /** True while the queues run on several threads ({@link #holdPollContext}). */
    public boolean contextHeld() {
        return contextHeld;
    }

    /** {@code smp_processor_id()}: the CPU the code runs on. */
    public int runningCpu() {
        return cpu;
    }

    /** {@code numa_mem_id()}: the node of the running CPU. */
    public int numaMemId() {
        return cpuNode;
    }

    /** Moves the running code to a CPU of node {@code nid} (a script's {@code cpu node=N}). */
    public void setCpuNode(int nid) {
        if (!mm.nodeExists(nid)) {
            throw new ModelRefusal("node " + nid + " does not exist (nodes 0.." + (mm.nodeCount() - 1) + ")");
        }
        cpuNode = nid;
    }

    /** {@code in_serving_softirq()}: whether the running code is a softirq (a NAPI poll). */
    public boolean inServingSoftirq() {
        return softirq;
    }

    /** The running code enters or leaves softirq context (a script's {@code softirq on|off}). */
    public void setSoftirq(boolean on) {
        softirq = on;
    }

    /** {@code WARN_ONCE}: prints {@code message} the first time {@code site} warns. */
    public void warnOnce(String site, String message) {
        if (warnedOnce.add(site)) {
            log.print(message);
        }
    }

    /** A fresh id for a new pool (shown in traces, like the pool ids of Linux 6.8+). */
    public int nextPoolId() {
        if (nextPoolId > MemMap.MAX_POOL_ID) {
            throw new ModelRefusal("the model names at most " + MemMap.MAX_POOL_ID + " pools (page owner bits)");
        }
        return nextPoolId++;
    }

    /** Makes {@code pool} findable by its id. */
    public void registerPool(PageOwner pool) {
        int id = pool.id();
        if (id >= pools.length) {
            pools = Arrays.copyOf(pools, Math.max(id + 1, pools.length * 2));
        }
        pools[id] = pool;
    }

    /** The pool with id {@code id} (perhaps freed), or null for 0 and ids no pool has here. */
    public PageOwner pool(int id) {
        return id > 0 && id < pools.length ? pools[id] : null;
    }
}
