// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.function.IntUnaryOperator;
import org.pagepool.kernel.Kernel;
import org.pagepool.nic.PoolCalls;
import org.pagepool.nic.Stack;
import org.pagepool.pool.PagePool;
import org.pagepool.trace.Place;

/**
 * The network stack above the driver: the sockets that hold skbs (and their
 * clones) for a lifetime and free them from recvmsg() on their CPU, and the
 * cpumap kthreads that run the redirected frames' program on the target CPU:
 * a frame it drops goes back to its page's pool, one it passes to the stack
 * leaves the pool (v5.14). Frees go back to the page's pool from wherever
 * they happen, so a free on another CPU than the pool's NAPI is a remote
 * free into its ptr_ring. Draws from the simulation's generator;
 * single-threaded.
 */
final class NetworkStack implements Stack {
    private final Kernel kernel;
    private final PoolCalls calls;
    private final Rng rng;
    /** The CPU whose NAPI owns a page's pool, by page reference. */
    private final IntUnaryOperator napiCpuOf;
    private final SkbWheel sockets;
    private final FrameQueue frames;
    private final StackCounters counters;
    private final RingProducers producers;
    private WorkloadParams params;
    /** Each CPU's node ({@link WorkloadParams#nodeOfCpu}), worked out once: a free asks for it every time. */
    private int[] nodeOfCpu;
    /** Where XDP_REDIRECT's cpumap sends the next frame, when it spreads over several CPUs. */
    private int nextRedirect;
    /** Set when the driver handed the stack a frame or an skb: the stack's next time may have moved. */
    private boolean changed;
    /** The lognormal lifetimes' mu for skbs and for clones, worked out per setting: a log per skb costs. */
    private double skbMu;
    private double cloneMu;

    NetworkStack(Kernel kernel, PoolCalls calls, Rng rng, IntUnaryOperator napiCpuOf, WorkloadParams params) {
        this.kernel = kernel;
        this.calls = calls;
        this.rng = rng;
        this.napiCpuOf = napiCpuOf;
        configure(params);
        this.sockets = new SkbWheel();
        this.frames = new FrameQueue();
        this.counters = new StackCounters();
        this.producers = new RingProducers();
    }

    private NetworkStack(NetworkStack o, Kernel kernel, PoolCalls calls, Rng rng, IntUnaryOperator napiCpuOf) {
        this.kernel = kernel;
        this.calls = calls;
        this.rng = rng;
        this.napiCpuOf = napiCpuOf;
        this.params = o.params;
        this.nodeOfCpu = o.nodeOfCpu;
        this.skbMu = o.skbMu;
        this.cloneMu = o.cloneMu;
        this.sockets = o.sockets.copy();
        this.frames = o.frames.copy();
        this.counters = o.counters.copy();
        this.producers = o.producers.copy();
        this.nextRedirect = o.nextRedirect;
        this.changed = o.changed;
    }

    /** A copy wired to the copied simulation's kernel, calls and generator. */
    NetworkStack copy(Kernel copiedKernel, PoolCalls copiedCalls, Rng copiedRng, IntUnaryOperator copiedNapiCpuOf) {
        return new NetworkStack(this, copiedKernel, copiedCalls, copiedRng, copiedNapiCpuOf);
    }

    /** Packs the far skbs: a copy that is kept, not run (see {@link Simulation#copyToKeep}). */
    void keep() {
        sockets.keep();
    }

    /** The parameters in force from now on (lifetimes, clones, remote frees, redirect CPUs). */
    void configure(WorkloadParams newParams) {
        this.params = newParams;
        this.nodeOfCpu = nodes(newParams);
        this.skbMu = mu(newParams.get(Param.SKB_LIFETIME), newParams.get(Param.SKB_SIGMA));
        this.cloneMu = mu(newParams.get(Param.CLONE_LIFETIME), newParams.get(Param.SKB_SIGMA));
    }

    /** The mu of a lognormal with this mean and sigma. */
    private static double mu(double mean, double sigma) {
        return Math.log(mean) - sigma * sigma / 2;
    }

    private static int[] nodes(WorkloadParams p) {
        int[] nodes = new int[p.getInt(Param.CPUS)];
        for (int cpu = 0; cpu < nodes.length; cpu++) {
            nodes[cpu] = p.nodeOfCpu(cpu);
        }
        return nodes;
    }

    /** When the next skb or frame is freed (ns), {@link Long#MAX_VALUE} for none. */
    @Override
    public long nextTime() {
        return Math.min(frames.nextTime(), sockets.nextTime());
    }

    /** True once after the driver handed the stack something (its next time may have come forward). */
    boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    /** Frees what is due at {@code t} (the frame first on a tie): a kernel call. */
    void freeNext(long t) {
        if (frames.nextTime() == t) {
            freeFrame(t);
        } else {
            freeSkb();
        }
    }

    private void freeSkb() {
        long top = sockets.topData();
        int page = SkbWheel.pageOf(top);
        int cpu = SkbWheel.cpuOf(top);
        byte kind = SkbWheel.kindOf(top);
        sockets.removeTop();
        onCpu(cpu); // the socket's owner frees it from recvmsg(): process context on its CPU
        if (kind == SkbWheel.SKB) {
            if (cpu != napiCpuOf.applyAsInt(page)) {
                counters.remoteFrees++; // a page back into its pool's ring from another CPU (the others go to put_page)
            }
            counters.skbsFreed++;
            producers.produced(kernel.mm().memMap().pp(page), cpu, kernel.jiffies().now());
            calls.skbFree(page);
        } else {
            // a cpumap skb (not marked for recycling) or a clone: its page left the pool, put_page() frees it
            if (kind == SkbWheel.RELEASED) {
                counters.skbsFreed++;
            } else {
                counters.clonesFreed++;
            }
            calls.putPage(PagePool.owner(kernel, page), page);
        }
    }

    private void freeFrame(long t) {
        int cpu = frames.headCpu();
        int page = frames.poll();
        onCpu(cpu); // cpumap's kthread on its CPU, bottom halves disabled but not serving a softirq
        counters.framesFreed++;
        PagePool pool = PagePool.owner(kernel, page);
        double pass = params.get(Param.REDIRECT_PASS);
        if (pass > 0 && rng.nextDouble() < pass) {
            // XDP_PASS there: v5.14's __xdp_build_skb_from_frame() ends in xdp_release_frame(), so the page
            // leaves the pool as the skb is built; a socket on this CPU holds the skb for its lifetime and its
            // free gives the page to the page allocator (such skbs were marked for recycling only in Linux 6.4)
            kernel.mm().move(page, Place.SKB);
            calls.releasePage(pool, page);
            counters.framesPassed++;
            counters.skbs++;
            // a frame a queue that ran ahead redirected may come due behind the skbs already freed: built then
            long built = Math.max(t, sockets.lastFreed());
            sockets.add(built + lifetime(params.get(Param.SKB_LIFETIME), skbMu), page, cpu, SkbWheel.RELEASED);
            return;
        }
        // the cpumap's program drops it: xdp_return_frame() from this CPU, into the owning pool's ptr_ring
        if (cpu != napiCpuOf.applyAsInt(page)) {
            counters.remoteFrees++;
        }
        producers.produced(pool.id(), cpu, kernel.jiffies().now());
        calls.putFullPage(pool, page, false);
    }

    /** What runs next is process-context code on {@code cpu}. */
    private void onCpu(int cpu) {
        int onCpu = Math.min(cpu, nodeOfCpu.length - 1);
        kernel.runOn(onCpu, nodeOfCpu[onCpu], false);
    }

    @Override
    public boolean receiveSkb(int page, long at, int cpu) {
        changed = true;
        kernel.mm().move(page, Place.SKB);
        counters.skbs++;
        int cpus = params.getInt(Param.CPUS);
        int freeCpu = cpu;
        double remote = params.get(Param.SKB_REMOTE);
        if (remote > 0 && cpus > 1 && rng.nextDouble() < remote) {
            freeCpu = cpu + 1 + rng.nextInt(cpus - 1);
            freeCpu = freeCpu < cpus ? freeCpu : freeCpu % cpus; // divides only when it wraps
        }
        long freed = at + lifetime(params.get(Param.SKB_LIFETIME), skbMu);
        sockets.add(freed, page, freeCpu, SkbWheel.SKB);
        double clone = params.get(Param.SKB_CLONE);
        if (clone > 0 && rng.nextDouble() < clone) {
            counters.clones++;
            calls.getPage(PagePool.owner(kernel, page), page);
            // the clone lives on after the skb: when the skb is freed the page still has two references
            sockets.add(freed + 1 + lifetime(params.get(Param.CLONE_LIFETIME), cloneMu), page, freeCpu, SkbWheel.CLONE);
            return true;
        }
        return false;
    }

    /**
     * An skb lifetime: exponential with the mean, or lognormal with the same
     * mean when sigma > 0 ({@code mu}: {@link #mu} of the two).
     */
    private long lifetime(double mean, double mu) {
        double sigma = params.get(Param.SKB_SIGMA);
        if (mean <= 0) {
            return 0;
        }
        if (sigma <= 0) {
            return (long) rng.exponential(mean);
        }
        return (long) Math.exp(mu + sigma * rng.gaussian());
    }

    @Override
    public void redirect(int page, long at) {
        changed = true;
        kernel.mm().move(page, Place.REMOTE_CPU);
        counters.redirected++;
        frames.add(page, at + params.getLong(Param.REDIRECT_LATENCY), redirectCpu());
    }

    /** The CPU whose cpumap entry takes the next frame: {@code redirect.cpu}, or the next of {@code redirect.cpus}. */
    private int redirectCpu() {
        IdList cpus = params.redirectCpus();
        if (cpus.isEmpty()) {
            return params.getInt(Param.REDIRECT_CPU);
        }
        int cpu = cpus.get(nextRedirect);
        int next = nextRedirect + 1; // the XDP program spreads frames round robin
        nextRedirect = next < cpus.size() ? next : next % cpus.size();
        return cpu;
    }

    // ---- what the stack shows ---------------------------------------------------------------------------------

    StackStats stats() {
        return counters.snapshot(sockets.size(), frames.size());
    }

    /** CPUs that returned pages into pool {@code poolId}'s ptr_ring in this millisecond or the one before. */
    int ringProducers(int poolId) {
        return producers.producers(poolId, kernel.jiffies().now());
    }

    /** The most CPUs returning pages into any one ptr_ring, in this millisecond or the one before. */
    int ringProducers() {
        return producers.most(kernel.jiffies().now());
    }

    /** skbs sockets hold now, clones included. */
    int socketCount() {
        return sockets.size();
    }

    int socketPage(int i) {
        return sockets.page(i);
    }

    /** True when skb {@code i} holds a page its pool let go of: a clone's reference, or a cpumap skb's page. */
    boolean socketPageReleased(int i) {
        return sockets.kind(i) != SkbWheel.SKB;
    }

    int framesInFlight() {
        return frames.size();
    }

    /** Roughly the bytes a copy of this stack holds: its skbs' wheel and its frames. */
    long footprintBytes() {
        return sockets.bytes() + 40L * frames.size();
    }

    int frame(int i) {
        return frames.get(i);
    }
}
