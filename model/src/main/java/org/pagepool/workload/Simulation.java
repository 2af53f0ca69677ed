// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pagepool.dma.DmaDirection;
import org.pagepool.kernel.Kernel;
import org.pagepool.nic.CallRecorder;
import org.pagepool.nic.Driver;
import org.pagepool.nic.NicConfig;
import org.pagepool.nic.NicStats;
import org.pagepool.nic.PoolCalls;
import org.pagepool.pool.ModelCopy;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.pool.PoolState;
import org.pagepool.pool.PoolStatsSnapshot;

/**
 * A packet workload driving the page_pool model: the wire, the NIC and its
 * driver, the sockets and the other CPUs, on one simulated clock (ns). It
 * runs as a sequence of small steps, each at most one call into a pool, in
 * time order; the same seed and parameters give the same steps, to the
 * last counter. {@link #copy()} snapshots everything, the random generator
 * included. Single-threaded.
 *
 * <p>A NIC with several RX queues ({@code nic.queues}) has one driver
 * instance per queue, each with its RX and TX rings, its page_pool and its
 * NAPI on the CPU its interrupt is pinned to; RSS spreads the sender's
 * packets over them ({@link RxQueues}), each queue counting its own. Their
 * steps interleave in true time order, equal times in queue order. A one-queue NIC runs exactly as it did
 * before queues existed: the same steps and the same random draws.
 */
public final class Simulation {
    private static final long NEVER = Long.MAX_VALUE;
    private static final long NS_PER_JIFFY = 1_000_000L;
    /** Looks for queues' rare packets that {@link #nextStepTime()} makes at most (each up to 2^20 packets). */
    private static final int QUERY_LOOKS = 64;

    private final long seed;
    private final Kernel kernel;
    private final Rng rng;
    private final PoolCalls calls;
    /** The sender of a one-queue NIC (null with several queues: {@link RxQueues} has its own). */
    private final Traffic traffic;
    /** Queue 0's driver: the only one of a one-queue NIC, whose hot path uses it directly. */
    private final Driver driver;
    private final Driver[] drivers;
    /** The NIC's queues and RSS, null for a one-queue NIC (whose driver reads the traffic itself). */
    private final RxQueues queues;
    /** The CPU each queue's interrupt is pinned to now. */
    private final int[] irqCpus;
    /** Each queue's pool when last looked at (a reload replaces it). */
    private final PagePool[] currentPools;
    /** The queue each pool belongs to, by pool id. */
    private int[] queueOfPool = new int[8];
    /** The sockets and cpumap CPUs above the drivers, which free the skbs and frames. */
    private final NetworkStack stack;
    private final List<PagePool> pools;
    /** A copy kept to go back to ({@link #copyToKeep}): it does not run. */
    private boolean kept;
    private final List<TimedAction> timeline;
    private WorkloadParams params;
    /** The parameters a reset would start from: {@link #params} plus machine changes waiting for it. */
    private WorkloadParams nextParams;
    private int nextAction;
    private long now;
    private long steps;
    private long packets;
    private long stepsRunAhead;
    /** The latest time a step run ahead ran at ({@link #runAhead}), for the clock once the others caught up. */
    private long ranAheadTo;
    /** The threads the queues run ahead on together ({@link #runQueuesOn}), null to run them in turn. */
    private QueueThreads together;
    /** Per queue, its last run ahead's steps, packets and last step's time, till added to the tallies. */
    private final long[] aheadSteps;
    private final long[] aheadPackets;
    private final long[] aheadLast;
    /** The fewest packets to come that make it worth running the queues together ({@link #runAheadTogether}). */
    private static final long TOGETHER_PACKETS = 4096;
    private long togetherPackets = TOGETHER_PACKETS;
    /** How often the queues ran ahead together. */
    private long runsTogether;
    /** The first ns of the next jiffy: the kernel clock only moves when this is reached. */
    private long nextJiffy;
    /** The queue whose driver took the last step of a NIC of several queues, -1 for another actor's step. */
    private int lastQueue = -1;
    /** Within a {@link #run}: when delayed work or the timeline acts next ({@link #othersAsked}). */
    private long workOrAction;

    /** A fresh run of {@code params} from time 0, recording its pool calls when {@code recorder} is not null. */
    public Simulation(WorkloadParams params, List<TimedAction> timeline, long seed, CallRecorder recorder)
            throws PoolCreateException {
        this.seed = seed;
        this.params = params;
        this.nextParams = params;
        this.timeline = List.copyOf(timeline);
        int[] nodePages = new int[params.getInt(Param.NODES)];
        Arrays.fill(nodePages, params.getInt(Param.NODE_PAGES));
        this.kernel = new Kernel(nodePages);
        kernel.mm().setPressure(params.getBoolean(Param.PRESSURE));
        this.rng = new Rng(seed);
        this.calls = new PoolCalls(kernel);
        int n = params.getInt(Param.QUEUES);
        this.traffic = n == 1 ? new Traffic(rng, params, 0) : null;
        this.stack = new NetworkStack(kernel, calls, rng, this::napiCpuOf, params);
        this.pools = new ArrayList<>();
        PagePoolParams poolParams = poolParams(params);
        if (recorder != null) {
            calls.setRecorder(recorder);
            recorder.start(kernel, nodePages);
        }
        this.drivers = new Driver[n];
        this.aheadSteps = new long[n];
        this.aheadPackets = new long[n];
        this.aheadLast = new long[n];
        this.irqCpus = new int[n];
        this.currentPools = new PagePool[n];
        this.queues = n == 1 ? null : new RxQueues(new Arrivals(new Rng(seed ^ SENDER_DRAWS), params),
                new Rng(seed ^ RSS_DRAWS),
                new RssSpreader(params.rss().shares(n, new Rng(seed ^ FLOW_HASHES))));
        for (int q = 0; q < n; q++) {
            irqCpus[q] = params.irqCpuOfQueue(q);
            NicConfig nic = nicConfig(params, irqCpus[q]);
            kernel.runOn(nic.irqCpu(), nic.irqNode(), false); // the driver opens the device from process context
            drivers[q] = new Driver(kernel, calls, stack, queues == null ? traffic : queues.wire(q), rng::nextDouble,
                    nic, poolParams, params.getInt(Param.RX_RING), params.getInt(Param.TX_RING));
            if (queues != null) {
                queues.attach(q, drivers[q]);
            }
            poolCreated(q);
        }
        this.driver = drivers[0];
        nextJiffy = NS_PER_JIFFY;
    }

    /**
     * Seeds of the sender's and RSS's generators with several queues, apart from the workload's own (so that one
     * queue draws what it always drew) and from each other (so that the packets never depend on the stack's draws).
     */
    private static final long SENDER_DRAWS = 0x73656e6465725f64L;
    private static final long RSS_DRAWS = 0x5253535f64726177L;
    private static final long FLOW_HASHES = 0x666c6f775f686173L;

    private Simulation(Simulation o) {
        ModelCopy copy = new ModelCopy(o.kernel);
        this.seed = o.seed;
        this.kernel = copy.kernel();
        this.rng = o.rng.copy();
        this.calls = new PoolCalls(kernel);
        this.traffic = o.traffic == null ? null : o.traffic.copy(rng);
        this.stack = o.stack.copy(kernel, calls, rng, this::napiCpuOf);
        this.pools = new ArrayList<>();
        for (PagePool pool : o.pools) {
            pools.add(copy.pool(pool));
        }
        this.queues = o.queues == null ? null : o.queues.copy();
        this.drivers = new Driver[o.drivers.length];
        this.aheadSteps = new long[drivers.length]; // a copy runs its queues in turn
        this.aheadPackets = new long[drivers.length];
        this.aheadLast = new long[drivers.length];
        for (int q = 0; q < drivers.length; q++) {
            drivers[q] = o.drivers[q].copy(kernel, calls, stack, queues == null ? traffic : queues.wire(q),
                    rng::nextDouble, copy);
            if (queues != null) {
                queues.attach(q, drivers[q]);
            }
        }
        this.driver = drivers[0];
        this.irqCpus = o.irqCpus.clone();
        this.currentPools = new PagePool[o.currentPools.length];
        for (int q = 0; q < currentPools.length; q++) {
            currentPools[q] = o.currentPools[q] == null ? null : copy.pool(o.currentPools[q]);
        }
        this.queueOfPool = o.queueOfPool.clone();
        copy.finish();
        this.timeline = o.timeline;
        this.params = o.params;
        this.nextParams = o.nextParams;
        this.nextAction = o.nextAction;
        this.now = o.now;
        this.steps = o.steps;
        this.packets = o.packets;
        this.stepsRunAhead = o.stepsRunAhead;
        this.ranAheadTo = o.ranAheadTo;
        this.nextJiffy = o.nextJiffy;
        this.lastQueue = o.lastQueue;
    }

    /** A deep copy: the same state, the same future. Observers and recorders are not copied. */
    public Simulation copy() {
        return new Simulation(this);
    }

    /**
     * A deep copy to keep rather than run, such as a step-back snapshot:
     * the sockets' far skbs packed into about 10 bytes each, the rings'
     * pages and the pages' places packed too. It does not run; its
     * {@link #copy()} is one to run, as any copy is.
     */
    public Simulation copyToKeep() {
        Simulation copy = new Simulation(this);
        copy.kept = true;
        copy.stack.keep();
        copy.kernel.mm().keep();
        for (Driver d : copy.drivers) {
            d.rx().keep();
            d.tx().keep();
        }
        for (PagePool pool : copy.pools) {
            pool.ring().keep();
        }
        return copy;
    }

    /** Refuses to change a kept copy, whose rings and places are packed: only a copy of it runs. */
    private void notKept() {
        if (kept) {
            throw new IllegalStateException("a copy kept to go back to does not run: run a copy of it");
        }
    }

    // ---- the configuration the parameters give --------------------------------------------------------------

    static PagePoolParams poolParams(WorkloadParams p) {
        boolean map = p.getBoolean(Param.POOL_DMA_MAP);
        int flags = (map ? PagePool.PP_FLAG_DMA_MAP : 0)
                | (map && p.getBoolean(Param.POOL_DMA_SYNC) ? PagePool.PP_FLAG_DMA_SYNC_DEV : 0);
        int nid = p.getInt(Param.POOL_NID) < p.getInt(Param.NODES) ? p.getInt(Param.POOL_NID) : Kernel.NUMA_NO_NODE;
        // with an XDP program attached, drivers map pages both ways so that XDP_TX can send them
        return new PagePoolParams(flags, p.getInt(Param.POOL_ORDER), p.getInt(Param.POOL_SIZE), nid,
                DmaDirection.BIDIRECTIONAL, p.getInt(Param.POOL_MAX_LEN), 256);
    }

    /** The NIC's settings for a queue whose interrupt is on {@code irqCpu}. */
    static NicConfig nicConfig(WorkloadParams p, int irqCpu) {
        return new NicConfig(p.getInt(Param.BUDGET), p.getLong(Param.PACKET_COST), p.getLong(Param.POLL_COST),
                p.getLong(Param.IRQ_LATENCY), irqCpu, p.nodeOfCpu(irqCpu), p.getLong(Param.TX_LATENCY),
                p.getBoolean(Param.TX_BULK), p.get(Param.LEAK), p.get(Param.DROP), p.get(Param.TX),
                p.get(Param.REDIRECT), p.get(Param.PASS), p.getBoolean(Param.NID_CHANGED));
    }

    // ---- running ----------------------------------------------------------------------------------------------

    /**
     * When the next step happens (ns), {@link Long#MAX_VALUE} when nothing
     * will ever happen again. Only when the next step is a queue's packet
     * more than {@value #QUERY_LOOKS} looks of 2^20 packets ahead (a share
     * under about one in 67 million, with nothing else to do) is it a time
     * before which nothing happens, so that asking stays quick; a run finds
     * the step.
     */
    public long nextStepTime() {
        return stepTimeBefore(NEVER, QUERY_LOOKS);
    }

    /**
     * {@link #nextStepTime()}, exact when before {@code limit} and found in
     * {@code looks} looks, else a time before which nothing happens.
     */
    private long stepTimeBefore(long limit, int looks) {
        if (queues != null) {
            long others = othersTime();
            return Math.max(now, Math.min(others, queueTime(firstQueue(Math.min(others, limit), looks))));
        }
        return Math.max(now, Math.min(Math.min(workTime(), actionTime()), Math.min(stack.nextTime(), driverTime())));
    }

    private long workTime() {
        long due = kernel.jiffies().nextDue();
        return due == NEVER ? NEVER : due * NS_PER_JIFFY;
    }

    private long actionTime() {
        return nextAction < timeline.size() ? timeline.get(nextAction).timeNs() : NEVER;
    }

    private long driverTime() {
        long t = driver.nextEvent();
        return t == Long.MIN_VALUE ? now : t;
    }

    private long queueTime(int q) {
        return Math.max(now, queues.time(q));
    }

    /**
     * The queue that acts first, once the NIC has looked again for the
     * packets of queues it looks for and the queues whose packets came
     * meanwhile are in their places ({@link RxQueues#settle}), while that is
     * before {@code limit} (another actor's time): past it, it would only
     * look further ahead. At most {@code looks} times.
     */
    private int firstQueue(long limit, int looks) {
        int q = queues.first();
        for (int i = 0; i < looks && queues.time(q) < limit && queues.settle(q); i++) {
            q = queues.first();
        }
        return q;
    }

    /**
     * Runs one step: the earliest thing due (ties: delayed work, the timeline,
     * other CPUs, sockets, then the driver). Returns the {@link Driver} flags
     * of what happened (0 for bookkeeping steps), or {@link #IDLE} when
     * nothing is left.
     */
    public int step() {
        return run(1, NEVER, 0);
    }

    /** {@link #run}'s result when nothing will ever happen again. */
    public static final int IDLE = -1;
    /** {@link #run}'s result when the next step lies after the time limit. */
    public static final int LATER = -2;

    /**
     * Runs steps, exactly as that many {@link #step()} calls would, until
     * {@code maxSteps} have run, a step's flags meet {@code stopFlags}, or the
     * next step lies after {@code untilNs}. Returns the last step's flags, or
     * {@link #IDLE} / {@link #LATER} when it stopped before a step. A
     * driver's alike steps that come before anything else (packets, refills)
     * run in one go ({@link #runSame}). With several queues, a run bounded by
     * time alone ({@code maxSteps} {@code Long.MAX_VALUE}, no stop flags) also
     * lets a queue run the steps that touch nothing but itself ahead of the
     * others ({@link #runAhead}): the same state at the end, with fewer
     * choices.
     */
    public int run(long maxSteps, long untilNs, int stopFlags) {
        notKept();
        if (queues != null) {
            return runQueues(maxSteps, untilNs, stopFlags);
        }
        int flags = 0;
        long others = othersAsked();
        long bound = untilNs == NEVER ? NEVER : untilNs + 1;
        for (long done = 0; done < maxSteps; done++) {
            long drv = driverTime();
            if (drv < others) {
                // the common case: the driver's next step comes before anything else
                if (drv > untilNs) {
                    return LATER;
                }
                int ran = runSame(driver, Math.min(others, bound), maxSteps - done, stopFlags);
                if (ran > 0) {
                    done += ran - 1;
                    flags = driver.lastRunFlags();
                    others = othersAfterDriverStep(others, false);
                    if ((flags & stopFlags) != 0) {
                        return flags;
                    }
                    continue;
                }
                steps++;
                advanceTo(drv);
                flags = driver.step(drv);
                if ((flags & Driver.PACKET) != 0) {
                    packets++;
                }
                others = othersAfterDriverStep(others, driver.reloading());
                if (driver.pool() != currentPools[0]) {
                    poolCreated(0);
                }
            } else {
                if (others == NEVER) {
                    return IDLE;
                }
                if (others > untilNs) {
                    return LATER;
                }
                steps++;
                flags = othersStep(others);
                others = Math.min(workOrAction, stack.nextTime());
            }
            if ((flags & stopFlags) != 0) {
                return flags;
            }
        }
        return flags;
    }

    /**
     * Driver {@code d}'s next steps at once while they are all alike:
     * received packets or RX refills, before {@code before} (when anything
     * else acts next), at most {@code max}. Nothing else acts between them,
     * so this is exactly those steps one by one, without the choosing
     * between them. Returns how many ran, the last one's flags in
     * {@link Driver#lastRunFlags}; 0 to take one step with
     * {@link Driver#step}, which a single step and a run that stops at a
     * kernel call or a packet always do, as does a run while a tracer
     * listens (it reads the clock at every event) and a queue behind the
     * clock (its steps run at the clock's time, not its own).
     */
    private int runSame(Driver d, long before, long max, int stopFlags) {
        if (max == 1 || (stopFlags & (Driver.PACKET | Driver.KERNEL_CALL)) != 0 || kernel.tracer().enabled()
                || d.nextEvent() < now) {
            return 0;
        }
        // within one jiffy, so that a recorder sees the kernel clock it would see step by step
        long end = Math.min(before, nextJiffy);
        int ran = d.runPackets(end, max);
        if (ran > 0) {
            packets += ran;
        } else {
            ran = d.runRefills(end, max);
            if (ran == 0) {
                return 0;
            }
        }
        steps += ran;
        advanceTo(d.lastRunTime());
        return ran;
    }

    /**
     * {@link #run} for a NIC with several queues: the earliest of the other
     * actors and the queues. The queue that acts first runs on, step after
     * step, while its next step still comes strictly before anything else's
     * (the other actors' and every other queue's, whose times its own steps
     * leave alone): the same steps in the same order as re-choosing before
     * each, without moving the queue in the clock until it yields, its alike
     * steps in one go ({@link #runSame}). In a run bounded by time alone it
     * then runs ahead of the other queues as far as its steps touch nothing
     * but itself ({@link #runAhead}).
     */
    private int runQueues(long maxSteps, long untilNs, int stopFlags) {
        int flags = 0;
        long others = othersAsked();
        long bound = untilNs == NEVER ? NEVER : untilNs + 1;
        boolean mayRunAhead = maxSteps == NEVER && stopFlags == 0 && !kernel.tracer().enabled()
                && calls.recorder() == null;
        long done = 0;
        while (done < maxSteps) {
            int q = firstQueue(Math.min(others, bound), Integer.MAX_VALUE);
            long t = Math.max(now, Math.min(others, queues.time(q)));
            if (t == NEVER || t > untilNs) {
                advanceTo(ranAheadTo); // every step up to the limit ran: the clock is where the last one left it
                return t == NEVER ? IDLE : LATER;
            }
            if (others <= t) {
                done++;
                steps++;
                lastQueue = -1;
                flags = othersStep(others);
                others = Math.min(workOrAction, stack.nextTime());
            } else {
                lastQueue = q;
                long otherQueues = queues.firstExcept(q);
                Driver d = drivers[q];
                while (true) {
                    int ran = d.runsAlike() ? runSame(d, Math.min(Math.min(otherQueues, others), bound),
                            maxSteps - done, stopFlags) : 0;
                    if (ran > 0) {
                        done += ran;
                        flags = d.lastRunFlags();
                    } else {
                        done++;
                        steps++;
                        advanceTo(t);
                        flags = d.step(t);
                        if ((flags & Driver.PACKET) != 0) {
                            packets++;
                        }
                    }
                    boolean reloading = d.reloading();
                    others = othersAfterDriverStep(others, reloading);
                    if (d.pool() != currentPools[q]) {
                        poolCreated(q);
                    }
                    if ((flags & stopFlags) != 0 || done >= maxSteps || reloading || queues.othersMoved()) {
                        break;
                    }
                    t = Math.max(now, Math.max(d.nextEvent(), queues.notBefore(q)));
                    if (t >= otherQueues || t >= others || t > untilNs || queues.looksAgain(q)) {
                        if (mayRunAhead && t < others && t <= untilNs) {
                            runAhead(q, Math.min(Math.min(others, bound), Math.min(nextJiffy, queues.aheadHorizon(t))));
                        }
                        break;
                    }
                }
                queues.refresh(q);
            }
            if (queues.othersMoved()) {
                queues.refreshAll();
            }
            if ((flags & stopFlags) != 0) {
                return flags;
            }
        }
        return flags;
    }

    /**
     * Lets queue {@code q} run its next steps before {@code before} while
     * each touches nothing but the queue ({@link Driver#staysInQueue}),
     * although another queue acts first: its packets come to it alone
     * ({@link RxQueues}), so the state is the same as with every step in its
     * turn. Only in a run bounded by time alone, which ends with every step
     * up to its time limit done; a run of so many steps, or one that stops at
     * a kind of step, must end after exactly the steps that come first. The
     * clock stays where it is while the others act in its past, and moves to
     * the last of these steps when the run ends. Never while a tracer or a
     * recorder sees the order of the calls, and within one jiffy. With
     * threads to run the queues on ({@link #runQueuesOn}), every queue runs
     * ahead to {@code before} at once ({@link #runAheadTogether}).
     */
    private void runAhead(int q, long before) {
        if (together != null && runAheadTogether(before)) {
            return;
        }
        runAheadAlone(q, before);
        addRunAhead(q);
    }

    /**
     * Every queue runs ahead to {@code before} at once, on threads of their
     * own ({@link #runQueuesOn}): what each would do when it ran ahead in its
     * turn, since each step run ahead reads and writes nothing but its queue.
     * Every packet they may ask for is sent to its queue first ({@link
     * RxQueues#beginTogether}), and the kernel's context holds still
     * meanwhile ({@link Kernel#holdPollContext}); after, each pool's DMA
     * syncs and each queue's steps are added up. False, having run nothing,
     * when the packets to come are too few to be worth the threads' meeting.
     */
    private boolean runAheadTogether(long before) {
        if (!queues.beginTogether(before, togetherPackets)) {
            return false;
        }
        runsTogether++;
        kernel.holdPollContext();
        try {
            together.runAll(drivers.length, q -> runAheadAlone(q, before));
        } finally {
            kernel.releaseContext();
            for (int q = 0; q < drivers.length; q++) {
                PagePool pool = drivers[q].pool();
                if (pool != null) {
                    kernel.dma().addSyncs(pool.takeHeldSyncs());
                }
                addRunAhead(q);
            }
            queues.endTogether();
        }
        for (int q = 0; q < drivers.length; q++) {
            queues.refresh(q);
        }
        return true;
    }

    /** Queue {@code q}'s part of {@link #runAhead}: writes only the queue and its entries of the tallies. */
    private void runAheadAlone(int q, long before) {
        Driver d = drivers[q];
        long last = Math.max(now, queues.notBefore(q));
        long ran = 0;
        long ranPackets = 0;
        while (true) {
            long t = Math.max(d.nextEvent(), last); // a step due earlier runs right after the last, as in turn
            if (t >= before) {
                break;
            }
            if (queues.looksAgain(q)) {
                queues.lookAgain(q); // never while the queues run together: looked-up times are cleared then
                continue;
            }
            int n = d.runPollAhead(before, last); // polls and their interrupts in one loop
            if (n > 0) {
                ranPackets += d.lastRunPackets();
                last = d.lastRunTime();
            } else {
                // a step the loop leaves here (an interrupt while TX completions are due), or the run ahead ends
                if (!d.staysInQueue()) {
                    break;
                }
                n = 1;
                last = t;
                if ((d.step(t) & Driver.PACKET) != 0) {
                    ranPackets++;
                }
            }
            ran += n;
        }
        queues.ranAheadTo(q, last);
        aheadSteps[q] = ran;
        aheadPackets[q] = ranPackets;
        aheadLast[q] = last;
    }

    /** Adds queue {@code q}'s last run ahead to the simulation's tallies. */
    private void addRunAhead(int q) {
        if (aheadSteps[q] > 0) {
            steps += aheadSteps[q];
            stepsRunAhead += aheadSteps[q];
            packets += aheadPackets[q];
            ranAheadTo = Math.max(ranAheadTo, aheadLast[q]);
            aheadSteps[q] = 0;
            aheadPackets[q] = 0;
        }
    }

    /**
     * Runs the NIC's queues ahead of each other on {@code threads} threads
     * when a run bounded by time lets them ({@link #run}), 1 (the default)
     * to run them in turn: the same steps and the same state at the end
     * either way, for any number of threads; faster on a machine with CPUs
     * to spare. The threads are the caller's and {@code threads - 1} daemon
     * helpers, which simulations share; a one-queue NIC runs on one.
     */
    public void runQueuesOn(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " (at least 1)");
        }
        int n = Math.min(threads, drivers.length);
        together = n < 2 ? null : QueueThreads.of(n);
    }

    /** {@link #runQueuesOn}, running them together whenever {@code fewest} packets may come: for tests. */
    void runQueuesOn(int threads, long fewest) {
        runQueuesOn(threads);
        togetherPackets = fewest;
    }

    /** How often the queues ran ahead together ({@link #runQueuesOn}). */
    long runsTogether() {
        return runsTogether;
    }

    /** The threads the queues run ahead on ({@link #runQueuesOn}): 1 when they run in turn. */
    public int queueThreads() {
        return together == null ? 1 : together.threads();
    }

    /** Steps run ahead of another queue's ({@link #runAhead}): how often the shortcut applied. */
    long stepsRunAhead() {
        return stepsRunAhead;
    }

    /**
     * {@link #othersTime()} after a driver step, from the value before it: a
     * step outside a reload adds frames and skbs (which can only bring their
     * queues' next times forward) and never touches delayed work or the
     * timeline (work due before the step would have run first), so the new
     * minimum is the old one with the two queues' next times: the same value,
     * without asking the jiffies and the timeline. A reload (a destroy may
     * arm a retry) asks everything.
     */
    private long othersAfterDriverStep(long others, boolean reloading) {
        boolean changed = stack.takeChanged();
        if (reloading) {
            return othersAsked();
        }
        return changed ? Math.min(others, stack.nextTime()) : others; // new frames or skbs
    }

    private long othersTime() {
        return Math.min(Math.min(workTime(), actionTime()), stack.nextTime());
    }

    /** {@link #othersTime()}, keeping delayed work's and the timeline's part in {@link #workOrAction}. */
    private long othersAsked() {
        workOrAction = Math.min(workTime(), actionTime());
        return Math.min(workOrAction, stack.nextTime());
    }

    /**
     * {@link #otherStep} within a run, which knows from {@link #workOrAction}
     * that a step before it is the stack's free. A free neither queues
     * delayed work (only a pool's destroy and its retries do) nor moves the
     * timeline, so only the other steps ask them again.
     */
    private int othersStep(long t) {
        if (t < workOrAction) {
            advanceTo(t);
            stack.freeNext(t);
            return Driver.KERNEL_CALL;
        }
        int flags = otherStep(t);
        workOrAction = Math.min(workTime(), actionTime());
        return flags;
    }

    /** One step of something other than the driver, due at {@code t}. */
    private int otherStep(long t) {
        if (workTime() == t) {
            // delayed work runs in a kworker (process context), on the CPU that queued it: the driver's
            NicConfig nic = driver.config();
            kernel.runOn(nic.irqCpu(), nic.irqNode(), false);
            advanceTo(t); // runs the work that is due
            return Driver.KERNEL_CALL;
        }
        advanceTo(t);
        if (actionTime() == t) {
            TimedAction.Action action = timeline.get(nextAction++).action();
            // the preset's events at one moment are checked together (PresetChecks): the last leaves a verdict weighted
            apply(action, actionTime() != t);
            return 0;
        }
        stack.freeNext(t);
        return Driver.KERNEL_CALL;
    }

    /** Notes queue {@code q}'s new pool (the device opened, or a reload created it). */
    private void poolCreated(int q) {
        PagePool pool = drivers[q].pool();
        currentPools[q] = pool;
        if (pool != null) {
            pools.add(pool);
            if (pool.id() >= queueOfPool.length) {
                queueOfPool = Arrays.copyOf(queueOfPool, Math.max(pool.id() + 1, 2 * queueOfPool.length));
            }
            queueOfPool[pool.id()] = q;
        }
    }

    /** The queue whose driver created {@code pool}. */
    public int queueOf(PagePool pool) {
        return pool.id() < queueOfPool.length ? queueOfPool[pool.id()] : 0;
    }

    /** The CPU NAPI of the queue that owns {@code page} runs on. */
    private int napiCpuOf(int page) {
        if (queues == null) {
            return driver.config().irqCpu();
        }
        PagePool owner = PagePool.owner(kernel, page);
        return owner == null ? driver.config().irqCpu() : drivers[queueOf(owner)].config().irqCpu();
    }

    private void advanceTo(long t) {
        if (t > now) {
            now = t;
            if (queues != null) {
                queues.clockAt(t);
            }
            if (now >= nextJiffy) {
                long jiffy = now / NS_PER_JIFFY;
                kernel.jiffies().advanceTo(Math.max(kernel.jiffies().now(), jiffy));
                nextJiffy = (jiffy + 1) * NS_PER_JIFFY;
            }
        }
    }

    /** Lets simulated time pass to {@code t} when nothing happens by then. */
    public void idleUntil(long t) {
        notKept();
        // a queue's packet need not be looked for past t (it may be astronomically rare)
        if (t > now && stepTimeBefore(t == NEVER ? NEVER : t + 1, Integer.MAX_VALUE) > t) {
            advanceTo(t);
        }
    }

    // ---- changes ----------------------------------------------------------------------------------------------

    /** Applies a timeline action now. */
    public void apply(TimedAction.Action action) {
        apply(action, true);
    }

    /** {@link #apply}, leaving every verdict at weight 0 for a moment when {@code checkWeights} is false. */
    private void apply(TimedAction.Action action, boolean checkWeights) {
        notKept();
        if (action instanceof TimedAction.SetParam set) {
            set(set.param(), set.value(), checkWeights);
        } else if (action instanceof TimedAction.Reload reload) {
            for (int q = 0; q < drivers.length; q++) {
                if (reload.queue() == TimedAction.ALL_QUEUES || reload.queue() == q) {
                    drivers[q].requestReload(poolParams(params), params.getInt(Param.RX_RING),
                            params.getInt(Param.TX_RING));
                }
            }
        } else if (action instanceof TimedAction.IrqMove move) {
            irqCpus[move.queue()] = Math.min(move.cpu(), params.getInt(Param.CPUS) - 1);
            drivers[move.queue()].configure(nicConfig(params, irqCpus[move.queue()]));
        } else if (action instanceof TimedAction.Unload) {
            for (Driver d : drivers) {
                d.requestReload(null, 0, 0);
            }
        }
        if (queues != null) {
            queues.refreshAll();
        }
    }

    /**
     * Changes a parameter now. Live ones act at once; pool and NIC ones at
     * the next reload; machine ones only on a reset.
     *
     * @throws IllegalArgumentException when the value is out of range
     */
    public void set(Param param, double value) {
        set(param, value, true);
    }

    private void set(Param param, double value, boolean checkWeights) {
        WorkloadParams changed = params.with(param, value);
        if (checkWeights && !changed.someVerdictWeighted()) {
            throw new IllegalArgumentException(param.key() + " = 0 would leave every XDP verdict at weight 0: give"
                    + " another verdict a weight first");
        }
        nextParams = nextParams.with(param, value);
        if (param.scope() == Param.Scope.RESET) {
            return; // the machine stays as it was built until a reset
        }
        if (param.scope() == Param.Scope.RELOAD) {
            setParams(changed); // read by the next reload
            return;
        }
        switch (param) {
            case RATE:
            case DUTY:
            case BURST:
                setParams(changed);
                if (queues == null) {
                    driver.receive(now); // what arrived so far came at the old rate
                    traffic.configure(params);
                } else {
                    queues.trafficChanged(params, now);
                }
                break;
            case PRESSURE:
                setParams(changed);
                kernel.mm().setPressure(value != 0);
                break;
            case IRQ_CPU:
                setParams(changed);
                for (int q = 0; q < drivers.length; q++) {
                    irqCpus[q] = (Math.min((int) value, params.getInt(Param.CPUS) - 1) + q) % params.getInt(Param.CPUS);
                }
                configureQueues();
                break;
            default:
                setParams(changed);
                configureQueues();
        }
        if (queues != null) {
            queues.refreshAll();
        }
    }

    /** The parameters in force from now on, for the simulation and its stack. */
    private void setParams(WorkloadParams changed) {
        params = changed;
        stack.configure(changed);
    }

    /** Every queue's driver takes the settings in force, on its own IRQ CPU. */
    private void configureQueues() {
        for (int q = 0; q < drivers.length; q++) {
            drivers[q].configure(nicConfig(params, irqCpus[q]));
        }
    }

    // ---- what the simulation shows ----------------------------------------------------------------------------

    /** Roughly the most bytes a copy of this simulation can come to hold (struct pages it shares counted in full). */
    public long footprintBytes() {
        long bytes = kernel.mm().footprintBytes() + stack.footprintBytes();
        for (PagePool pool : pools) {
            bytes += pool.ring().bytes() + 1024;
        }
        for (Driver d : drivers) {
            bytes += d.rx().bytes() + d.tx().bytes();
        }
        return queues == null ? bytes : bytes + queues.footprintBytes();
    }

    /** Roughly the bytes of the packets listed for a NIC's queues that they have not counted yet (0 for one queue). */
    public long listedPacketBytes() {
        return queues == null ? 0 : queues.footprintBytes();
    }

    public long seed() {
        return seed;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Queue 0's driver: the driver of a one-queue NIC. */
    public Driver driver() {
        return driver;
    }

    /**
     * The queue whose driver took the last step (its NAPI poll, its refill,
     * its recycling), -1 when another actor did (a socket, delayed work, the
     * timeline); always 0 on a one-queue NIC. After a run bounded by time
     * alone, in which queues may run ahead of each other, it is the last
     * queue that took its turn, not necessarily the one with the latest step.
     */
    public int lastQueue() {
        return queues == null ? 0 : lastQueue;
    }

    /** RX queues of the NIC ({@code nic.queues}). */
    public int queueCount() {
        return drivers.length;
    }

    /** Queue {@code q}'s driver instance: its rings, pool, NAPI and counters. */
    public Driver driver(int q) {
        return drivers[q];
    }

    /** The NIC and driver counters, summed over the queues. */
    public NicStats nicStats() {
        if (drivers.length == 1) {
            return driver.stats();
        }
        NicStats sum = NicStats.ZERO;
        for (Driver d : drivers) {
            sum = sum.plus(d.stats());
        }
        return sum;
    }

    /** The pools queue {@code q}'s driver created that are not yet freed, oldest first. */
    public List<PagePool> pools(int q) {
        List<PagePool> mine = new ArrayList<>();
        for (PagePool pool : pools()) {
            if (queueOf(pool) == q) {
                mine.add(pool);
            }
        }
        return mine;
    }

    /** Queue {@code q}'s pools not yet freed, their counters summed. */
    public PoolStatsSnapshot poolStats(int q) {
        PoolStatsSnapshot sum = PoolStatsSnapshot.ZERO;
        for (PagePool pool : pools(q)) {
            sum = sum.plus(pool.stats());
        }
        return sum;
    }

    /** The share of the packets RSS sends to queue {@code q} (1 for a one-queue NIC). */
    public double rssShare(int q) {
        return queues == null ? 1.0 : queues.share(q);
    }

    public WorkloadParams params() {
        return params;
    }

    /** The parameters a reset would start from: those in force plus machine changes waiting for it. */
    public WorkloadParams nextParams() {
        return nextParams;
    }

    /** Simulated time (ns). */
    public long now() {
        return now;
    }

    /** Steps taken since time 0. */
    public long steps() {
        return steps;
    }

    /** Packets NAPI has handled since time 0. */
    public long packets() {
        return packets;
    }

    /** The pools not yet freed, oldest first (the driver's current one last). */
    public List<PagePool> pools() {
        pools.removeIf(p -> p.state() == PoolState.FREED);
        return List.copyOf(pools);
    }

    /** Every pool the run created that is not freed, and their summed counters. */
    public PoolStatsSnapshot poolStats() {
        PoolStatsSnapshot sum = PoolStatsSnapshot.ZERO;
        for (PagePool pool : pools()) {
            sum = sum.plus(pool.stats());
        }
        return sum;
    }

    /** CPUs that returned pages into pool {@code poolId}'s ptr_ring in this millisecond or the one before. */
    public int ringProducers(int poolId) {
        return stack.ringProducers(poolId);
    }

    /** The most CPUs returning pages into any one ptr_ring, in this millisecond or the one before. */
    public int ringProducers() {
        return stack.ringProducers();
    }

    public StackStats stackStats() {
        return stack.stats();
    }

    /** skbs sockets hold now (with clones), for display: index i of {@link #socketCount()}. */
    public int socketCount() {
        return stack.socketCount();
    }

    /** The page of skb {@code i} (a page reference). */
    public int socketPage(int i) {
        return stack.socketPage(i);
    }

    /** True when skb {@code i} holds a page its pool let go of (a clone's reference, a cpumap skb's page). */
    public boolean socketPageReleased(int i) {
        return stack.socketPageReleased(i);
    }

    public int framesInFlight() {
        return stack.framesInFlight();
    }

    /** The page of redirected frame {@code i} (a page reference). */
    public int frame(int i) {
        return stack.frame(i);
    }

    public List<TimedAction> timeline() {
        return timeline;
    }

    /** Index of the next timeline action. */
    public int nextActionIndex() {
        return nextAction;
    }

    public CallRecorder recorder() {
        return calls.recorder();
    }
}
