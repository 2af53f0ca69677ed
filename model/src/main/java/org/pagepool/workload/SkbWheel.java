// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;

/**
 * The skbs sockets hold, taken out in the order they are freed (by time,
 * ties in the order they were queued). A timer wheel, as the kernel keeps
 * its timers, but exact: slots of {@code 2^slotBits} ns over a horizon of
 * {@code 2^wheelBits} slots, each a list in the order its skbs were queued.
 * The slot that comes due is sorted once, by time and queue order, into the
 * run the skbs are taken from; an skb due within that slot (or earlier, yet
 * not before the last one taken out) is put straight into its place in the
 * run. Skbs due beyond the horizon wait in a radix heap ({@link SkbHeap})
 * and join the run when the wheel comes to their slot; while the wheel holds
 * none (lifetimes all longer than the horizon), they come straight out of it.
 *
 * <p>Most skbs are queued once and sorted in a run of a few: the radix heap
 * alone moved each one down four times (the slow-socket preset spent a
 * quarter of its time there). A million skbs cost no objects.
 */
final class SkbWheel {
    /** An skb carrying a pool page, freed with {@code page_pool_return_skb_page()}. */
    static final byte SKB = 0;
    /** A clone's reference to a page the pool already let go of, freed with {@code put_page()}. */
    static final byte CLONE = 1;
    /** An skb cpumap built from a frame: v5.14 released its page from the pool then; freed with {@code put_page()}. */
    static final byte RELEASED = 2;

    /** 1,024 ns slots over 4.2 ms: sockets' usual lifetimes, a few skbs per slot at millions of packets a second. */
    static final int SLOT_BITS = 10;
    static final int WHEEL_BITS = 12;

    /** Longs per entry in {@link #entries} and {@link #run}: time, queue order, data. */
    private static final int STRIDE = 3;
    private static final int NONE = -1;

    private final int slotBits;
    private final int slots;
    /** Every slot's first and last entry in {@link #entries} (NONE: empty), and its next in {@link #next}. */
    private final int[] head;
    private final int[] tail;
    private final long[] occupied;
    private long[] entries;
    private int[] next;
    /** The first unused entry, and the entries let go of (a list through {@link #next}). */
    private int used;
    private int free = NONE;
    /** Skbs in the wheel's slots: with none, the wheel need not be looked round (long lifetimes are all far). */
    private int inWheel;

    /** The due slot's skbs and the earlier ones queued since, sorted; the next one taken out is at runHead. */
    private long[] run = new long[STRIDE * 16];
    private int runHead;
    private int runEnd;
    /**
     * The slot (time >> slotBits) the run is for. Skbs queued for a slot after
     * it, up to the horizon, are in the wheel; later ones in {@link #far},
     * which may hold some of the wheel's slots too (the horizon has moved on
     * since), taken out to the run with the wheel's own when their slot comes.
     */
    private long base;
    private final SkbHeap far;
    /** The time of the last skb taken out: none is ever queued earlier. */
    private long last;
    private int size;
    private long nextSeq;

    // where data(i) stopped: a display reads the entries in index order
    private int cursorI;
    private int cursorSlot;
    private int cursorEntry;

    SkbWheel() {
        this(SLOT_BITS, WHEEL_BITS);
    }

    /** A wheel of {@code 2^wheelBits} slots of {@code 2^slotBits} ns (at least 64 slots). */
    SkbWheel(int slotBits, int wheelBits) {
        if (wheelBits < 6 || wheelBits > 20 || slotBits < 0 || slotBits > 40) {
            throw new IllegalArgumentException("a wheel of 2^" + wheelBits + " slots of 2^" + slotBits + " ns");
        }
        this.slotBits = slotBits;
        this.slots = 1 << wheelBits;
        head = new int[slots];
        tail = new int[slots];
        Arrays.fill(head, NONE);
        occupied = new long[slots / 64];
        entries = new long[STRIDE * 64];
        next = new int[64];
        far = new SkbHeap();
        resetCursor();
    }

    private SkbWheel(SkbWheel o) {
        slotBits = o.slotBits;
        slots = o.slots;
        head = o.head.clone();
        tail = o.tail.clone();
        occupied = o.occupied.clone();
        entries = o.entries.clone();
        next = o.next.clone();
        used = o.used;
        free = o.free;
        inWheel = o.inWheel;
        run = o.run.clone();
        runHead = o.runHead;
        runEnd = o.runEnd;
        base = o.base;
        far = o.far.copy();
        last = o.last;
        size = o.size;
        nextSeq = o.nextSeq;
        resetCursor();
    }

    SkbWheel copy() {
        return new SkbWheel(this);
    }

    /** Packs the far skbs (see {@link SkbHeap#keep}): a copy that is kept, not run. */
    void keep() {
        far.keep();
    }

    int size() {
        return size;
    }

    /** The bytes the wheel holds: its slots' lists, its entries' and run's room, and the radix heap. */
    long bytes() {
        return 8L * slots + 8L * occupied.length + 8L * (entries.length + run.length) + 4L * next.length + far.bytes();
    }

    /** When the earliest skb is due; Long.MAX_VALUE when there is none. */
    long nextTime() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        return runHead < runEnd || turn() ? run[runHead] : far.nextTime(); // (turn first: it may grow the run)
    }

    /** The earliest skb's page, CPU and kind in one long, to read once: see {@link #pageOf}, {@link #cpuOf}. */
    long topData() {
        return runHead < runEnd || turn() ? run[runHead + 2] : far.topData();
    }

    int topPage() {
        return pageOf(topData());
    }

    int topCpu() {
        return cpuOf(topData());
    }

    byte topKind() {
        return kindOf(topData());
    }

    static int pageOf(long data) {
        return (int) (data >>> 32);
    }

    static int cpuOf(long data) {
        return (int) (data >>> 8) & 0xffffff;
    }

    static byte kindOf(long data) {
        return (byte) data;
    }

    /** The page of skb {@code i}, {@code 0 <= i < size()}, in no particular order. */
    int page(int i) {
        return pageOf(dataAt(i));
    }

    byte kind(int i) {
        return kindOf(dataAt(i));
    }

    /**
     * Queues an skb freed at {@code when}, which is no earlier than the last
     * skb taken out (the simulation never frees into the past).
     */
    void add(long when, int p, int onCpu, byte what) {
        if (when < last) {
            throw new IllegalArgumentException("an skb freed at " + when + " ns, before the last one (" + last + ")");
        }
        place(when, nextSeq++, (long) p << 32 | (long) (onCpu & 0xffffff) << 8 | (what & 0xff));
        size++;
        resetCursor();
    }

    /** When the last skb taken out was freed: the stack's own clock is no earlier. */
    long lastFreed() {
        return last;
    }

    void removeTop() {
        if (runHead < runEnd || turn()) {
            last = run[runHead];
            runHead += STRIDE;
        } else {
            last = far.nextTime();
            far.removeTop();
            base = (last >>> slotBits) - 1; // every skb left is due in the clock's slot or later
        }
        size--;
        resetCursor();
    }

    private void place(long t, long seq, long data) {
        long slot = t >>> slotBits;
        if (slot <= base) {
            insertIntoRun(t, seq, data);
        } else if (slot - base < slots) {
            append((int) slot & (slots - 1), t, seq, data);
        } else {
            far.add(t, seq, data);
        }
    }

    /**
     * Moves {@link #base} on to the next slot with skbs in the wheel and
     * sorts that slot, with the far skbs due by its end, into the run, which
     * is empty. False, and nothing moves, when the wheel is empty too: the
     * far skbs are then taken out from where they are (long lifetimes) and
     * the base stays where it is, behind the clock, so that the skbs queued
     * meanwhile go into their slots rather than all into a run of a base
     * turned far ahead.
     */
    private boolean turn() {
        if (inWheel == 0) {
            return false;
        }
        int from = (int) base & (slots - 1);
        base += (nextOccupied(from) - from) & (slots - 1);
        runHead = 0;
        runEnd = 0;
        // the far skbs due by the end of the new base slot join the run (the others join it when their slot comes)
        while (far.size() > 0) {
            long t = far.nextTime();
            if (t >>> slotBits > base) {
                break;
            }
            long seq = far.topSeq();
            long data = far.topData();
            far.removeTop();
            insertIntoRun(t, seq, data);
        }
        int slot = (int) base & (slots - 1);
        for (int e = head[slot]; e != NONE; ) {
            int at = e * STRIDE;
            insertIntoRun(entries[at], entries[at + 1], entries[at + 2]);
            int after = next[e];
            next[e] = free;
            free = e;
            e = after;
            inWheel--;
        }
        head[slot] = NONE;
        occupied[slot >>> 6] &= ~(1L << slot);
        resetCursor();
        return true;
    }

    /** The first occupied slot after {@code from}, going round the wheel, which holds skbs. */
    private int nextOccupied(int from) {
        int words = occupied.length;
        int s = (from + 1) & (slots - 1);
        int w = s >>> 6;
        long bits = occupied[w] & (-1L << s);
        while (bits == 0) {
            w = (w + 1) % words;
            bits = occupied[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits);
    }

    /** Puts an skb into the run in its place by time, then queue order: from the end, where it usually goes. */
    private void insertIntoRun(long t, long seq, long data) {
        if (runEnd == run.length) {
            if (runHead > 0) {
                System.arraycopy(run, runHead, run, 0, runEnd - runHead);
                runEnd -= runHead;
                runHead = 0;
            } else {
                run = Arrays.copyOf(run, 2 * run.length);
            }
        }
        int j = runEnd;
        while (j > runHead && (run[j - STRIDE] > t || run[j - STRIDE] == t && run[j - STRIDE + 1] > seq)) {
            run[j] = run[j - STRIDE];
            run[j + 1] = run[j - STRIDE + 1];
            run[j + 2] = run[j - STRIDE + 2];
            j -= STRIDE;
        }
        run[j] = t;
        run[j + 1] = seq;
        run[j + 2] = data;
        runEnd += STRIDE;
    }

    private void append(int slot, long t, long seq, long data) {
        int e = free;
        if (e != NONE) {
            free = next[e];
        } else {
            if (used == next.length) {
                next = Arrays.copyOf(next, 2 * used);
                entries = Arrays.copyOf(entries, 2 * entries.length);
            }
            e = used++;
        }
        int at = e * STRIDE;
        entries[at] = t;
        entries[at + 1] = seq;
        entries[at + 2] = data;
        next[e] = NONE;
        inWheel++;
        if (head[slot] == NONE) {
            head[slot] = e;
            occupied[slot >>> 6] |= 1L << slot;
        } else {
            next[tail[slot]] = e;
        }
        tail[slot] = e;
    }

    private void resetCursor() {
        cursorI = -1;
        cursorSlot = -1;
        cursorEntry = NONE;
    }

    /** Skb i's data: the run, the wheel's slots in index order, then the far ones; read in order, O(1) each. */
    private long dataAt(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        int inRun = (runEnd - runHead) / STRIDE;
        if (i < inRun) {
            return run[runHead + i * STRIDE + 2];
        }
        int near = size - far.size(); // in the run or the wheel
        if (i >= near) {
            return far.data(i - near);
        }
        if (i < cursorI || cursorI < inRun) {
            cursorI = inRun - 1;
            cursorSlot = -1;
            cursorEntry = NONE;
        }
        while (cursorI < i) {
            cursorEntry = cursorEntry == NONE ? NONE : next[cursorEntry];
            while (cursorEntry == NONE) {
                cursorEntry = head[++cursorSlot];
            }
            cursorI++;
        }
        return entries[cursorEntry * STRIDE + 2];
    }
}
