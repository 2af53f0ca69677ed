// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import org.pagepool.dma.DmaDirection;
import org.pagepool.kernel.Kernel;
import org.pagepool.nic.CallRecorder;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;
import org.pagepool.pool.PoolState;

/**
 * Writes the pool calls of a live run as a {@code .pool} script: before each
 * call, the {@code cpu}, {@code softirq}, {@code pressure} and {@code tick}
 * lines that bring the script's context to the kernel's, the {@code pool N}
 * line that selects the call's pool, then the call. Consecutive allocations
 * from one pool become one {@code alloc n=N}. Running the script replays the
 * same calls on the same pages, so it ends in the same state.
 *
 * <p>A whole system is recorded: every pool ever created gets its own slot,
 * in the order they are created (the queues' pools, then each reload's new
 * ones), so an old deferred pool and its successor live side by side. Only
 * when 64 slots have been used does a new pool take the lowest slot whose
 * pool is freed; with none free the recording ends with a comment. At the
 * end every slot's counters and state are checked ({@code stats},
 * {@code expect}), the current slot's last.
 */
public final class ScriptRecorder implements CallRecorder {
    private static final long MAX_TICK = Integer.MAX_VALUE;
    /** A recording stops by itself at this many lines (about 50 MB): scripts are for stepping through. */
    public static final long MAX_LINES = 2_000_000;
    private static final int SLOTS = 64;

    private final Writer out;
    /** Each slot's pool (index 1..64), null before its pool's first call. */
    private final PagePool[] slots = new PagePool[SLOTS + 1];
    /** Slots in use (a create was written), by the order they were first used. */
    private int slotsUsed;
    /** The slot of each pool, by pool id (0: not recorded). */
    private int[] slotOfPool = new int[8];
    /** The slot of the create just written, until its pool's first call names the pool. */
    private int creating;
    private int current = 1;
    private boolean stopped;
    /** Why the recording ended before the run did, and at which jiffy; null while it has not. */
    private String endedEarly;
    private int cpuNode;
    private boolean softirq = true;
    private boolean pressure;
    private long jiffies;
    private int pendingAllocs;
    private long lines;

    /** Writes to {@code out}; the caller closes it. */
    public ScriptRecorder(Writer out) {
        this.out = out;
    }

    /** Lines written so far. */
    public long lines() {
        return lines;
    }

    public boolean stopped() {
        return stopped;
    }

    /**
     * Why and when the recording ended by itself before the run did (its
     * size limit, or its pool slots), as {@code "at jiffy J (WHY)"}; null when
     * it did not. What it holds replays to the state at that point.
     */
    public String endedEarly() {
        return endedEarly;
    }

    private void line(String text) {
        try {
            out.write(text);
            out.write('\n');
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flushAllocs() {
        if (pendingAllocs > 0) {
            line(pendingAllocs == 1 ? "alloc" : "alloc n=" + pendingAllocs);
            pendingAllocs = 0;
        }
    }

    /** Brings the script's context and slot up to the kernel's and the pool's; false when this call is not recorded. */
    private boolean before(Kernel kernel, PagePool pool, boolean isAlloc) {
        if (stopped) {
            return false;
        }
        int slot = slotOf(pool);
        if (slot == 0) {
            return false; // not created while recording
        }
        return beforeSlot(kernel, slot, isAlloc);
    }

    /** The slot {@code pool} was recorded in, 0 for none (created before the recording, or its slot reused). */
    private int slotOf(PagePool pool) {
        return pool.id() < slotOfPool.length ? slotOfPool[pool.id()] : 0;
    }

    private boolean beforeSlot(Kernel kernel, int slot, boolean isAlloc) {
        if (lines >= MAX_LINES) {
            stop(kernel, String.format(Locale.ROOT, "it reached %,d lines", MAX_LINES));
            return false;
        }
        boolean contextChanges = kernel.numaMemId() != cpuNode || kernel.inServingSoftirq() != softirq
                || kernel.mm().pressure() != pressure || kernel.jiffies().now() != jiffies;
        if (!isAlloc || contextChanges || slot != current) {
            flushAllocs();
        }
        if (contextChanges) {
            context(kernel);
        }
        select(slot);
        return true;
    }

    private void select(int slot) {
        if (slot != current) {
            current = slot;
            line("pool " + slot);
        }
    }

    private void context(Kernel kernel) {
        if (kernel.numaMemId() != cpuNode) {
            cpuNode = kernel.numaMemId();
            line("cpu node=" + cpuNode);
        }
        if (kernel.inServingSoftirq() != softirq) {
            softirq = kernel.inServingSoftirq();
            line("softirq " + (softirq ? "on" : "off"));
        }
        if (kernel.mm().pressure() != pressure) {
            pressure = kernel.mm().pressure();
            line("pressure " + (pressure ? "on" : "off"));
        }
        tickTo(kernel.jiffies().now());
    }

    private void tickTo(long target) {
        while (jiffies < target) {
            long step = Math.min(MAX_TICK, target - jiffies);
            line("tick ms=" + step);
            jiffies += step;
        }
    }

    @Override
    public void start(Kernel kernel, int[] nodePages) {
        StringBuilder memory = new StringBuilder("memory nodes=" + nodePages.length + " pages=");
        for (int i = 0; i < nodePages.length; i++) {
            memory.append(i > 0 ? "," : "").append(nodePages[i]);
        }
        line("# recorded from a live run of the PagePool Visualizer workload model");
        line(memory.toString());
        if (kernel.mm().pressure()) {
            pressure = true;
            line("pressure on");
        }
    }

    @Override
    public void create(Kernel kernel, PagePoolParams params) {
        if (stopped) {
            return;
        }
        int slot = creating != 0 ? creating : freeSlot(); // a failed create leaves its slot empty: use it again
        if (slot == 0) {
            stop(kernel, "a pool is created while all " + SLOTS + " slots of a .pool script hold pools that are"
                    + " not freed");
            return;
        }
        if (beforeSlot(kernel, slot, false)) {
            line(create(params));
            creating = slot;
            PagePool old = slots[slot];
            if (old != null) {
                slotOfPool[old.id()] = 0; // a freed pool's slot taken over: the slot has no pool until this one
            }
            slots[slot] = null;
        }
    }

    /** A slot never used, or else the lowest one whose pool is freed; 0 for none. */
    private int freeSlot() {
        if (slotsUsed < SLOTS) {
            return ++slotsUsed;
        }
        for (int slot = 1; slot <= SLOTS; slot++) {
            if (slots[slot] != null && slots[slot].state() == PoolState.FREED) {
                return slot;
            }
        }
        return 0;
    }

    static String create(PagePoolParams p) {
        StringBuilder line = new StringBuilder("create");
        if (p.poolSize() != 0) {
            line.append(" size=").append(Integer.toUnsignedString(p.poolSize()));
        }
        if (p.flags() != 0) {
            line.append(" flags=").append(flags(p.flags()));
        }
        if (p.order() != 0) {
            line.append(" order=").append(p.order());
        }
        if (p.nid() != Kernel.NUMA_NO_NODE) {
            line.append(" nid=").append(p.nid());
        }
        if (p.dmaDir() != DmaDirection.FROM_DEVICE) {
            line.append(" dma_dir=").append(p.dmaDir().name());
        }
        if (p.maxLen() != 0) {
            line.append(" max_len=").append(Integer.toUnsignedString(p.maxLen()));
        }
        if (p.offset() != 0) {
            line.append(" offset=").append(Integer.toUnsignedString(p.offset()));
        }
        return line.toString();
    }

    private static String flags(int flags) {
        StringBuilder words = new StringBuilder();
        if ((flags & PagePool.PP_FLAG_DMA_MAP) != 0) {
            words.append("DMA_MAP");
        }
        if ((flags & PagePool.PP_FLAG_DMA_SYNC_DEV) != 0) {
            words.append(words.length() > 0 ? "," : "").append("DMA_SYNC_DEV");
        }
        int other = flags & ~PagePool.PP_FLAG_ALL;
        if (other != 0) {
            words.append(words.length() > 0 ? "," : "").append(Integer.toUnsignedString(other));
        }
        return words.toString();
    }

    private static String handle(Kernel kernel, int page) {
        return "p" + Integer.toUnsignedString(kernel.mm().memMap().handle(page));
    }

    @Override
    public void alloc(Kernel kernel, PagePool pool) {
        if (before(kernel, pool, true)) {
            pendingAllocs++;
            if (pendingAllocs == 100_000) {
                flushAllocs();
            }
        }
    }

    @Override
    public void put(Kernel kernel, PagePool pool, int page, int dmaSyncSize, boolean allowDirect) {
        if (before(kernel, pool, false)) {
            if (dmaSyncSize == -1 && allowDirect) {
                line("recycle p=" + handle(kernel, page));
            } else {
                line("put p=" + handle(kernel, page) + (dmaSyncSize == -1 ? "" : " sync=" + Integer.toUnsignedString(
                        dmaSyncSize)) + (allowDirect ? " direct=1" : ""));
            }
        }
    }

    @Override
    public void putBulk(Kernel kernel, PagePool pool, int[] pages, int count) {
        if (before(kernel, pool, false)) {
            StringBuilder line = new StringBuilder("put_bulk p=");
            for (int i = 0; i < count; i++) {
                line.append(i > 0 ? "," : "").append(handle(kernel, pages[i]));
            }
            line(line.toString());
        }
    }

    @Override
    public void skbFree(Kernel kernel, PagePool pool, int page) {
        if (before(kernel, pool, false)) {
            line("skb_free p=" + handle(kernel, page));
        }
    }

    @Override
    public void getPage(Kernel kernel, PagePool pool, int page) {
        if (nameable(kernel, pool) && before(kernel, pool, false)) {
            line("get p=" + handle(kernel, page));
        }
    }

    @Override
    public void putPage(Kernel kernel, PagePool pool, int page) {
        if (nameable(kernel, pool) && before(kernel, pool, false)) {
            line("drop p=" + handle(kernel, page));
        }
    }

    /**
     * Whether a script can still name a page of {@code pool}: a page the pool
     * let go of (a clone's, a cpumap skb's) may outlive it, and a freed pool's
     * handles are gone, its slot perhaps another pool's. Then the recording
     * ends, replayable up to there, rather than going on without the call.
     */
    private boolean nameable(Kernel kernel, PagePool pool) {
        if (!stopped && (pool.state() == PoolState.FREED || slotOf(pool) == 0)) {
            stop(kernel, "a page of pool " + pool.id() + " outlived it, and a script cannot name it");
        }
        return !stopped;
    }

    @Override
    public void releasePage(Kernel kernel, PagePool pool, int page) {
        if (before(kernel, pool, false)) {
            line("release p=" + handle(kernel, page));
        }
    }

    @Override
    public void updateNid(Kernel kernel, PagePool pool, int nid) {
        if (before(kernel, pool, false)) {
            line("update_nid nid=" + nid);
        }
    }

    @Override
    public void xdpReg(Kernel kernel, PagePool pool) {
        if (creating != 0 && !stopped) {
            bind(pool, creating); // the first call after a create: this is the pool the script created
            creating = 0;
        }
        if (before(kernel, pool, false)) {
            line("xdp_reg");
        }
    }

    @Override
    public void destroy(Kernel kernel, PagePool pool) {
        if (before(kernel, pool, false)) {
            line("destroy");
        }
    }

    private void bind(PagePool pool, int slot) {
        if (pool.id() >= slotOfPool.length) {
            slotOfPool = Arrays.copyOf(slotOfPool, Math.max(pool.id() + 1, slotOfPool.length * 2));
        }
        slots[slot] = pool;
        slotOfPool[pool.id()] = slot;
    }

    @Override
    public void stop(Kernel kernel, String why) {
        if (!stopped) {
            end(kernel);
            line("# the recording ends here: " + why);
            stopped = true;
            endedEarly = "at jiffy " + kernel.jiffies().now() + " (" + why + ")";
        }
    }

    @Override
    public void finish(Kernel kernel) {
        if (!stopped) {
            end(kernel);
            stopped = true;
        }
    }

    /** The live run's counters and state, every slot's (the current one last), as lines the replay must reach. */
    private void end(Kernel kernel) {
        flushAllocs();
        context(kernel);
        int last = current;
        for (int slot = 1; slot <= slotsUsed; slot++) {
            if (slot != last) {
                end(kernel, slot);
            }
        }
        end(kernel, last);
    }

    private void end(Kernel kernel, int slot) {
        select(slot);
        line("stats");
        PagePool pool = slots[slot];
        State state = State.of(kernel, pool);
        StringBuilder expect = new StringBuilder("expect");
        for (StateField field : StateField.values()) {
            expect.append(' ').append(field.key()).append('=').append(state.text(field));
        }
        line(expect.toString());
        if (pool != null) {
            line("# live counters: " + pool.stats().format());
        }
    }

    /** Slots used so far: pools recorded, a failed create's slot included. */
    public int slotsUsed() {
        return slotsUsed;
    }
}
