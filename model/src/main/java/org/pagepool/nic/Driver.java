// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import java.util.function.DoubleSupplier;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.PageRef;
import org.pagepool.pool.ModelCopy;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.trace.Place;

/**
 * A page_pool driver and its NIC, modelled on v5.14's mvneta and mvpp2 (the
 * pool maps the pages, XDP_PASS skbs are marked for recycling) with mlx5's
 * {@code page_pool_nid_changed()} each poll, as its RX work starts:
 * an interrupt schedules NAPI on the IRQ's CPU; each poll cleans TX
 * completions, checks the pool's node ({@code page_pool_nid_changed}), runs the XDP
 * program on up to {@code budget} received packets, then refills the empty
 * RX descriptors from the pool. A reload returns every page to the old pool,
 * destroys it and creates a new one.
 *
 * <p>The work is cut into steps of at most one pool call, so a viewer can
 * follow it call by call; {@link #step} runs one. Single-threaded.
 */
public final class Driver {
    /** A step made a call into the page pool (or the page refcount API). */
    public static final int KERNEL_CALL = 1;
    /** A step ran the XDP program on one packet. */
    public static final int PACKET = 1 << 1;
    /** A step ended a NAPI poll. */
    public static final int POLL = 1 << 2;

    /** How long NAPI waits before retrying a refill that found no page. */
    static final long REFILL_RETRY_NS = 100_000;
    /** {@code XDP_BULK_QUEUE_SIZE}: frames per {@code xdp_return_frame_bulk} flush. */
    static final int XDP_BULK = 16;
    private static final long NEVER = Long.MAX_VALUE;

    private enum Phase {
        IDLE(false), START(true), TX_CLEAN(true), RX(true), REFILL(true), END(true), TEARDOWN(false);

        /** NAPI runs this phase in softirq (read every step, so a field rather than a comparison). */
        final boolean inPoll;

        Phase(boolean inPoll) {
            this.inPoll = inPoll;
        }
    }

    private final Kernel kernel;
    private final PoolCalls calls;
    private final Stack stack;
    private final Wire wire;
    private final DoubleSupplier random;
    private final NicCounters counters;
    private NicConfig config;
    /** {@code config} drops every packet (kept: every packet asks, and it compares three weights). */
    private boolean dropsAll;
    /** {@code config} drops every packet and leaks none: no draw per packet (kept, as it is asked every step). */
    private boolean dropsClean;
    private PagePool pool;
    private RxRing rx;
    private TxRing tx;
    private Phase phase = Phase.IDLE;
    private long napiNext = NEVER;
    private boolean irqEnabled = true;
    private int processed;
    private boolean refillStuck;
    /** False until the first RX fill after the device opened: only then does the link come up. */
    private boolean linkUp;
    /** A reload asked for, and its teardown while it runs. */
    private final DriverReload reload;
    private final int[] bulk = new int[XDP_BULK];
    /** Scratch for the pages of one batch of {@link #refillsFromCache}. */
    private final int[] refilled = new int[64];
    /**
     * When the last step of {@link #runPackets}, {@link #runRefills} or
     * {@link #runPollAhead} started, what it did, and how many of the steps
     * {@link #runPollAhead} ran were packets.
     */
    private long lastRun;
    private int lastRunFlags;
    private int lastRunPackets;

    /** Opens the device: creates the pool (plus the XDP memory model's reference) and schedules the first fill. */
    public Driver(Kernel kernel, PoolCalls calls, Stack stack, Wire wire, DoubleSupplier random, NicConfig config,
                  PagePoolParams poolParams, int rxRing, int txRing) throws PoolCreateException {
        this.kernel = kernel;
        this.calls = calls;
        this.stack = stack;
        this.wire = wire;
        this.random = random;
        configure(config);
        this.counters = new NicCounters();
        this.reload = new DriverReload();
        open(poolParams, rxRing, txRing, 0);
    }

    private Driver(Driver o, Kernel kernel, PoolCalls calls, Stack stack, Wire wire, DoubleSupplier random,
                   ModelCopy copy) {
        this.kernel = kernel;
        this.calls = calls;
        this.stack = stack;
        this.wire = wire;
        this.random = random;
        this.counters = o.counters.copy();
        this.config = o.config;
        this.dropsAll = o.dropsAll;
        this.dropsClean = o.dropsClean;
        this.pool = o.pool == null ? null : copy.pool(o.pool);
        this.rx = o.rx.copy();
        this.tx = o.tx.copy();
        this.phase = o.phase;
        this.napiNext = o.napiNext;
        this.irqEnabled = o.irqEnabled;
        this.processed = o.processed;
        this.refillStuck = o.refillStuck;
        this.linkUp = o.linkUp;
        this.reload = o.reload.copy();
    }

    /** A copy wired to a copied kernel and its copied collaborators. */
    public Driver copy(Kernel copiedKernel, PoolCalls copiedCalls, Stack copiedStack, Wire copiedWire,
                       DoubleSupplier copiedRandom, ModelCopy copy) {
        return new Driver(this, copiedKernel, copiedCalls, copiedStack, copiedWire, copiedRandom, copy);
    }

    private void open(PagePoolParams params, int rxRing, int txRing, long now) throws PoolCreateException {
        pool = calls.create(params);
        calls.useXdpMem(pool); // xdp_rxq_info_reg_mem_model(): the XDP memory model holds a reference too
        rx = new RxRing(rxRing);
        tx = new TxRing(txRing);
        phase = Phase.START; // fill the RX ring at open
        napiNext = now;
        irqEnabled = false;
    }

    /** New settings for the next poll (budget, costs, IRQ CPU, verdicts...). */
    public void configure(NicConfig newConfig) {
        this.config = newConfig;
        this.dropsAll = newConfig.dropsAll();
        this.dropsClean = dropsAll && newConfig.leak() == 0;
    }

    /**
     * Reloads the driver at the next poll boundary: a new pool of
     * {@code params} and rings of the given sizes; {@code params} null unloads it.
     */
    public void requestReload(PagePoolParams params, int rxRing, int txRing) {
        reload.request(params, rxRing, txRing);
    }

    /** When the driver has something to do next (ns), {@link Long#MAX_VALUE} for nothing. */
    public long nextEvent() {
        if (phase != Phase.IDLE) {
            return napiNext;
        }
        if (reload.pending()) {
            return Long.MIN_VALUE; // at once
        }
        if (!irqEnabled || pool == null) {
            return NEVER;
        }
        long next = tx.nextCompletion();
        if (rx.posted() > 0) {
            next = Math.min(next, wire.nextArrival());
        }
        return next;
    }

    /** Runs the driver's next step at time {@code now} (the scheduler's clock); returns what happened. */
    public int step(long now) {
        // a NAPI poll runs in softirq on the IRQ's CPU; the interrupt itself and a reload do not
        kernel.runOn(config.irqCpu(), config.irqNode(), phase.inPoll);
        if (phase == Phase.IDLE) {
            if (reload.pending()) {
                startTeardown(now);
                return 0;
            }
            // an interrupt: a packet or a TX completion arrived; NAPI runs after the IRQ latency
            irqEnabled = false;
            phase = Phase.START;
            napiNext = now + config.irqLatencyNs();
            return 0;
        }
        return pollStep();
    }

    /** The next step of a poll (or of a teardown), on the CPU set already. */
    private int pollStep() {
        while (true) {
            switch (phase) {
                case START:
                    if (reload.pending()) {
                        startTeardown(napiNext);
                        return 0;
                    }
                    startPoll();
                    break;
                case TX_CLEAN:
                    // every completed descriptor, as mvneta and mvpp2 clean them (not counted against the budget)
                    if (tx.count() > 0 && tx.nextCompletion() <= napiNext) {
                        cleanTx();
                        return KERNEL_CALL;
                    }
                    phase = Phase.RX;
                    if (nidChanged()) {
                        return KERNEL_CALL;
                    }
                    break;
                case RX: {
                    int flags = receiveOne();
                    if (flags != 0) {
                        return flags;
                    }
                    phase = Phase.REFILL;
                    break;
                }
                case REFILL:
                    if (rx.empty() > 0 && pool != null) {
                        refillOne();
                        return KERNEL_CALL;
                    }
                    phase = Phase.END;
                    break;
                case END:
                    endPoll();
                    return POLL;
                default:
                    return reload.step(this);
            }
        }
    }

    /**
     * Runs the next steps while each is a received packet through the XDP
     * program that starts before {@code before}, at most {@code max}: what as
     * many {@link #step} calls at their times would do, without coming back
     * between them. A packet that goes to the stack (XDP_PASS or
     * XDP_REDIRECT) brings {@code before} forward to the stack's next free
     * when its skb or frame is due earlier: that free is the next step then.
     * Returns how many ran; the last ran at {@link #lastRunTime()} with
     * {@link #lastRunFlags()}.
     */
    public int runPackets(long before, long max) {
        if (phase != Phase.RX) {
            return 0;
        }
        kernel.runOn(config.irqCpu(), config.irqNode(), true);
        long toStack = counters.pass + counters.redirect;
        long until = before;
        int n = 0;
        while (n < max && napiNext < until && processed < config.budget() && rx.completed() > 0) {
            lastRun = napiNext;
            lastRunFlags = receiveOne();
            n++;
            if (counters.pass + counters.redirect != toStack) {
                toStack = counters.pass + counters.redirect;
                until = Math.min(until, stack.nextTime());
            }
        }
        return n;
    }

    /**
     * Runs this queue's next steps that start before {@code before}, no
     * earlier than {@code last}, while each reads and writes nothing but
     * this queue ({@link #staysInQueue}): what as many {@link #step} calls
     * at their times would do, asking before each, in one loop, poll after
     * poll with the interrupts between them (a NIC's queues run ahead of
     * each other). Stops at a step that does not stay in the queue, at the
     * NIC looking again for the next packet, or at {@code before}. Returns
     * how many steps ran; {@link #lastRunPackets()} of them were packets,
     * the last ran at {@link #lastRunTime()}.
     */
    public int runPollAhead(long before, long last) {
        long from = last;
        int steps = 0;
        int packets = 0;
        while (true) {
            if (phase == Phase.IDLE) {
                if (!interruptAhead(before, from)) {
                    break;
                }
                steps++;
                from = lastRun;
                continue;
            }
            if (!phase.inPoll || napiNext >= before || napiNext < from) {
                break;
            }
            kernel.runOn(config.irqCpu(), config.irqNode(), true);
            // each step starts at napiNext, which only moves on: no step starts before the last
            int ran = pollAhead(before);
            if (ran == 0) {
                break;
            }
            steps += ran;
            packets += lastRunPackets;
            from = lastRun;
        }
        lastRunPackets = packets;
        return steps;
    }

    /**
     * The interrupt of the next packet, as {@link #step} takes it, when it
     * comes before {@code before} and nothing but the queue acts first: no
     * TX completion, no reload, and a packet rather than the NIC looking
     * again. At {@code from} when it came earlier. True when it ran.
     */
    private boolean interruptAhead(long before, long from) {
        if (reload.pending() || pool == null || !irqEnabled || rx.posted() == 0 || tx.count() > 0) {
            return false;
        }
        long at = wire.nextArrival();
        if (!wire.nextIsPacket()) {
            return false; // the NIC looks again first, which is the caller's
        }
        long t = Math.max(at, from);
        if (t >= before) {
            return false;
        }
        kernel.runOn(config.irqCpu(), config.irqNode(), false);
        irqEnabled = false;
        phase = Phase.START;
        napiNext = t + config.irqLatencyNs();
        lastRun = t;
        lastRunFlags = 0;
        return true;
    }

    /** The poll's steps in one loop while each stays in the queue; packets among them in lastRunPackets. */
    private int pollAhead(long before) {
        if (dropsClean) {
            return dropPollAhead(before);
        }
        // a verdict or a leak is drawn from the shared generator: no packet stays in the queue
        int steps = 0;
        int packets = 0;
        while (phase.inPoll && napiNext < before && staysInQueue()) {
            int ran = 0;
            if (phase == Phase.REFILL && rx.empty() > 0) {
                lastRun = napiNext;
                lastRunFlags = KERNEL_CALL;
                ran = refills(pool.allocCount());
            }
            if (ran == 0) {
                ran = 1;
                lastRun = napiNext;
                lastRunFlags = pollStep();
                if ((lastRunFlags & PACKET) != 0) {
                    packets++;
                }
            }
            steps += ran;
        }
        lastRunPackets = packets;
        return steps;
    }

    /**
     * {@link #pollAhead} for a program that drops every packet and leaks
     * none, the busiest case: the same steps with the same checks before
     * each ({@link #staysInQueue}), with what that check finds used by the
     * step itself rather than found again. A packet the RX ring lacks is
     * asked of the wire once, not once by the check and again by the step.
     * A dropped packet whose page goes back into the pool's cache reads and
     * writes only this queue (a completed descriptor, the page, the pool's
     * cache, its counters) and draws nothing from the random generator, and
     * what the other queues do meanwhile neither reads nor changes that.
     */
    private int dropPollAhead(long before) {
        int steps = 0;
        int packets = 0;
        int budget = config.budget();
        while (napiNext < before && !reload.pending() && pool != null) {
            if (phase == Phase.RX) {
                if (processed < budget) {
                    if (rx.completed() == 0) {
                        receive(napiNext);
                    }
                    if (rx.completed() > 0) {
                        if (!pool.recyclesInCache(rx.next())) {
                            break; // the page is not the pool's alone: not this queue's step
                        }
                        lastRun = napiNext;
                        lastRunFlags = dropOne();
                        steps++;
                        packets++;
                        continue;
                    }
                }
                if (!refillsLocally()) {
                    break;
                }
                // no packet (the wire was just asked): the step goes on to the refills, not asking again at this time
                phase = Phase.REFILL;
            } else if (phase == Phase.REFILL) {
                if (!refillsLocally()) {
                    break;
                }
                if (rx.empty() > 0) {
                    lastRun = napiNext;
                    lastRunFlags = KERNEL_CALL;
                    steps += refills(pool.allocCount());
                    continue;
                }
            } else if (!phase.inPoll || !staysInQueue()) {
                break;
            }
            // the poll's start (with its first packet), its first refill, or its end
            lastRun = napiNext;
            lastRunFlags = pollStep();
            steps++;
            if ((lastRunFlags & PACKET) != 0) {
                packets++;
            }
        }
        lastRunPackets = packets;
        return steps;
    }

    /** How many of the steps the last {@link #runPollAhead} ran were packets. */
    public int lastRunPackets() {
        return lastRunPackets;
    }

    /**
     * True when the next {@link #step} reads and writes nothing but this
     * queue: the interrupt, a poll's start and end, an XDP_DROP whose page
     * goes back into the pool's cache, a refill from the cache, and asking
     * the wire on the way (on a NIC of several queues, a queue's packets
     * come to it alone). False before a step that frees into a ptr_ring,
     * takes from the page allocator or the ring, hands a page on (TX, the
     * stack, a redirect), draws a verdict from the shared generator, cleans
     * the TX ring, reloads, or brings the link up. It may ask the wire for
     * the packets that step would ask for, at the same time, which is the
     * same as the step asking.
     */
    public boolean staysInQueue() {
        if (reload.pending() || pool == null) {
            return false;
        }
        switch (phase) {
            case IDLE:
                return true;
            case START:
                if (!linkUp || tx.count() > 0) {
                    return false;
                }
                return !poolMovesNode() && receivesLocally(napiNext + config.pollNs(), 0);
            case TX_CLEAN:
                return tx.count() == 0 && !poolMovesNode() && receivesLocally(napiNext, processed);
            case RX:
                return receivesLocally(napiNext, processed);
            case REFILL:
                return refillsLocally();
            case END:
                return linkUp;
            default:
                return false;
        }
    }

    /**
     * The poll's page_pool_nid_changed() will move the pool, emptying its
     * cache into the page allocator: not this queue's alone.
     */
    private boolean poolMovesNode() {
        return config.nidChanged() && pool.nid() != config.irqNode();
    }

    private boolean receivesLocally(long at, int done) {
        if (done < config.budget()) {
            if (rx.completed() == 0) {
                receive(at);
            }
            if (rx.completed() > 0) {
                return dropsClean && pool.recyclesInCache(rx.next());
            }
        }
        return refillsLocally();
    }

    private boolean refillsLocally() {
        return rx.empty() > 0 ? pool.allocCount() > 0 : linkUp;
    }

    /**
     * Runs the next steps while each refills an RX descriptor, at most
     * {@code max}, when they start before {@code before}: what as many
     * {@link #step} calls would do, each a {@link #KERNEL_CALL}. Returns how
     * many ran; they ran at {@link #lastRunTime()} (a refill takes no time).
     */
    public int runRefills(long before, long max) {
        if (phase != Phase.REFILL || napiNext >= before) {
            return 0;
        }
        kernel.runOn(config.irqCpu(), config.irqNode(), true);
        lastRun = napiNext;
        lastRunFlags = KERNEL_CALL;
        return refills(max);
    }

    /** {@link #runRefills}'s loop, on the CPU set already. */
    private int refills(long max) {
        int n = calls.recorder() == null && !kernel.tracer().enabled() ? refillsFromCache(max) : 0;
        while (n < max && phase == Phase.REFILL && rx.empty() > 0 && pool != null) {
            refillOne(); // a refill that finds no page ends the poll's refills, as in step()
            n++;
        }
        return n;
    }

    /**
     * The first of {@link #refills}' steps while each takes its page from the
     * alloc cache, batch by batch: the same pages to the same descriptors, and
     * the same counts, when no one traces or records the calls one by one.
     */
    private int refillsFromCache(long max) {
        int n = 0;
        while (phase == Phase.REFILL && pool != null) {
            int k = (int) Math.min(Math.min(max - n, rx.empty()), Math.min(pool.allocCount(), refilled.length));
            if (k <= 0) {
                return n;
            }
            pool.allocCachedPages(refilled, k);
            for (int i = 0; i < k; i++) {
                rx.post(refilled[i]);
                kernel.mm().move(refilled[i], Place.RX_DESCRIPTOR);
            }
            n += k;
        }
        return n;
    }

    /**
     * True when the next step receives a packet or refills the RX ring,
     * which {@link #runPackets} or {@link #runRefills} may run with the ones
     * after it.
     */
    public boolean runsAlike() {
        return phase == Phase.RX || phase == Phase.REFILL;
    }

    /** When the last of the steps {@link #runPackets} or {@link #runRefills} ran started. */
    public long lastRunTime() {
        return lastRun;
    }

    /** What the last of the steps {@link #runPackets} or {@link #runRefills} ran did (as {@link #step} returns). */
    public int lastRunFlags() {
        return lastRunFlags;
    }

    private void startPoll() {
        counters.polls++;
        processed = 0;
        refillStuck = false;
        napiNext += config.pollNs();
        phase = Phase.TX_CLEAN;
    }

    /**
     * mlx5 calls {@code page_pool_nid_changed()} in every poll as its RX work
     * starts (mlx5e_poll_rx_cq), after the TX completions went back into the
     * cache: a cache it empties then holds them too. True when it ran.
     */
    private boolean nidChanged() {
        // the poll runs on the IRQ's CPU: numa_mem_id() is its node (read here, not from the kernel, which
        // queues running on threads of their own leave as it was)
        if (config.nidChanged() && pool != null && pool.nid() != config.irqNode()) {
            calls.nidChanged(pool, config.irqNode());
            return true;
        }
        return false;
    }

    private void cleanTx() {
        if (config.txBulk()) {
            // xdp_return_frame_bulk(): frames of one pool go back together
            PagePool owner = owner(tx.inFlight(0));
            int n = 0;
            while (n < XDP_BULK && tx.count() > 0 && tx.nextCompletion() <= napiNext
                    && owner(tx.inFlight(0)) == owner) {
                bulk[n++] = tx.dequeue();
            }
            counters.txCompleted += n;
            calls.putBulk(owner, bulk, n);
        } else {
            int page = tx.dequeue(); // xdp_return_frame_rx_napi(): direct, we are in NAPI
            counters.txCompleted++;
            calls.putFullPage(owner(page), page, true);
        }
    }

    PagePool owner(int page) {
        return PagePool.owner(kernel, page);
    }

    /** One packet through the XDP program; 0 when there is none (or the budget is spent). */
    private int receiveOne() {
        if (processed >= config.budget()) {
            return 0;
        }
        if (rx.completed() == 0) {
            receive(napiNext);
            if (rx.completed() == 0) {
                return 0;
            }
        }
        int descriptor = rx.swHead();
        int page = takeCompleted();
        Verdict verdict = dropsAll ? Verdict.DROP : config.verdict(random.getAsDouble());
        tracePacket(verdict, page, descriptor);
        // the verdicts in methods of their own keep this one small enough for the JIT to inline in the loops
        return verdict == Verdict.DROP ? drop(page) : passOn(verdict, page);
    }

    /**
     * {@link #receiveOne} for a program that drops every packet and leaks
     * none, with a completed buffer there and budget left: the busiest step,
     * small enough for the JIT to inline in {@link #dropPollAhead}.
     */
    private int dropOne() {
        int descriptor = rx.swHead();
        // no one traces a step run ahead, and the page goes straight into the cache within the step: its place
        // in between (the driver's) is never seen, so only the cache's is written
        int page = takeDescriptor();
        tracePacket(Verdict.DROP, page, descriptor);
        counters.drop++;
        pool.recycleDirectInCache(page); // no recorder either: the loop checked the page recycles in the cache
        return PACKET | KERNEL_CALL;
    }

    /** NAPI takes the next completed buffer and spends a packet's time and budget on it. */
    private int takeCompleted() {
        int page = takeDescriptor();
        kernel.mm().move(page, Place.DRIVER);
        return page;
    }

    /** {@link #takeCompleted} but for the page's place, which the caller writes. */
    private int takeDescriptor() {
        processed++;
        napiNext += config.packetNs();
        return rx.take();
    }

    /** The packet event, when someone listens. */
    private void tracePacket(Verdict verdict, int page, int descriptor) {
        if (kernel.tracer().enabled()) {
            kernel.tracer().emit(new PacketEvent(config.irqCpu(), verdict, pool.id(),
                    kernel.mm().memMap().handle(page), descriptor));
        }
    }

    /** XDP_DROP: the page goes back to the pool (or, with the leak bug, is put without it). */
    private int drop(int page) {
        counters.drop++;
        if (config.leak() > 0 && random.getAsDouble() < config.leak()) {
            counters.leaked++;
            calls.putPage(pool, page); // the bug: put_page() on a page the pool still counts
        } else {
            calls.recycleDirect(pool, page);
        }
        return PACKET | KERNEL_CALL;
    }

    /** XDP_TX, XDP_REDIRECT or XDP_PASS: the page leaves the driver. */
    private int passOn(Verdict verdict, int page) {
        switch (verdict) {
            case TX:
                if (tx.isFull()) {
                    counters.txFull++;
                    calls.recycleDirect(pool, page); // the frame is dropped: xdp_return_frame_rx_napi()
                    return PACKET | KERNEL_CALL;
                }
                counters.tx++;
                tx.enqueue(page, napiNext + config.txLatencyNs());
                kernel.mm().move(page, Place.TX_RING);
                return PACKET;
            case REDIRECT:
                counters.redirect++;
                stack.redirect(page, napiNext);
                return PACKET;
            default:
                counters.pass++;
                pool.storeMemInfo(page); // skb_mark_for_recycle()
                return stack.receiveSkb(page, napiNext, config.irqCpu()) ? PACKET | KERNEL_CALL : PACKET;
        }
    }

    /** The NIC places the packets that arrived until {@code time} in posted buffers, missing the rest. */
    public void receive(long time) {
        if (!linkUp) {
            return; // nothing arrives before the link is up
        }
        long arrived = wire.arrivalsUntil(time);
        if (arrived > 0) {
            if (pool == null) {
                counters.rxMissed += arrived; // the device is down
                return;
            }
            long missed = rx.receive(arrived);
            counters.rxMissed += missed;
            counters.rxPackets += arrived - missed;
        }
    }

    /** True while the device stays down with no pool, and no reload under way or to come. */
    public boolean stopped() {
        return pool == null && phase == Phase.IDLE && !reload.pending();
    }

    /** True while the queue's interrupt is on and a packet landing in a posted buffer would raise it. */
    public boolean awaitsPacket() {
        return phase == Phase.IDLE && irqEnabled && !reload.pending() && pool != null && rx.posted() > 0;
    }

    private void refillOne() {
        int page = calls.alloc(pool);
        if (page == PageRef.NULL) {
            counters.refillFailed++;
            refillStuck = true;
            phase = Phase.END;
            return;
        }
        rx.post(page);
        kernel.mm().move(page, Place.RX_DESCRIPTOR);
    }

    private void endPoll() {
        if (!linkUp) {
            // ip link set up: the device first fills its RX ring, then the link comes up and traffic flows
            linkUp = true;
            wire.linkUp(napiNext);
        }
        if (processed >= config.budget() || rx.completed() > 0) {
            phase = Phase.START; // more work: NAPI stays scheduled
        } else if (refillStuck) {
            phase = Phase.START;
            napiNext += REFILL_RETRY_NS;
        } else {
            phase = Phase.IDLE; // napi_complete_done(): interrupts on again
            napiNext = NEVER;
            irqEnabled = true;
        }
    }

    // ---- reload and unload -----------------------------------------------------------------------------------

    private void startTeardown(long now) {
        counters.reloads++;
        reload.start(pool != null);
        napiNext = now;
        kernel.runOn(config.irqCpu(), config.irqNode(), false); // ip link / ethtool: process context
        phase = Phase.TEARDOWN;
    }

    /** The teardown gives {@code page} back to {@code owner} from process context. */
    void returnPage(int page, PagePool owner) {
        kernel.mm().move(page, Place.DRIVER);
        calls.putFullPage(owner, page, false);
    }

    /** The teardown destroys the pool: the XDP memory model's reference, then ({@code last}) the driver's. */
    void destroyPool(boolean last) {
        calls.destroy(pool);
        if (last) {
            pool = null;
        }
    }

    /** The device stays down with NAPI idle; {@code irqOn}: its interrupt enabled (an unload finished). */
    void down(boolean irqOn) {
        phase = Phase.IDLE;
        napiNext = NEVER;
        if (irqOn) {
            irqEnabled = true;
        }
    }

    /** The reload's new pool and rings; a pool that cannot be created leaves the device down. */
    void reopen(PagePoolParams params, int rxRing, int txRing) {
        try {
            open(params, rxRing, txRing, napiNext);
        } catch (PoolCreateException e) {
            pool = null;
            down(false);
        }
    }

    // ---- what the driver shows -------------------------------------------------------------------------------

    /** The current pool, or null while the device is down. */
    public PagePool pool() {
        return pool;
    }

    public RxRing rx() {
        return rx;
    }

    public TxRing tx() {
        return tx;
    }

    public NicStats stats() {
        return counters.snapshot();
    }

    public NicConfig config() {
        return config;
    }

    /** True while a NAPI poll is under way (between its first and last step). */
    public boolean inPoll() {
        return phase != Phase.IDLE && phase != Phase.START;
    }

    /** True while NAPI is scheduled or running. */
    public boolean napiScheduled() {
        return phase != Phase.IDLE;
    }

    /** True while a reload or unload is being carried out. */
    public boolean reloading() {
        return phase == Phase.TEARDOWN;
    }
}
