// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.Arrays;

/**
 * What the tracepoints showed of one pool (immutable): its counters at the
 * end, inflight over time, page lifetimes, the pages it still had out at the
 * end of the capture and when it took each, and its shutdown.
 */
public final class PageHistory {
    private final Scalars t;
    private final long inflightEnd;
    private final long highest;
    private final LogHistogram lifetimes;
    private final InflightSeries series;
    private final NidChanges nidChanges;
    private final long[] outstandingPages;
    private final long[] outstandingNs;
    private final boolean[] outstandingPfn;
    private final LeftBehind leftBehind;

    PageHistory(PageTrack track) {
        this.t = new Scalars(track.address, track.firstNs, track.lastNs, track.createdNs, track.destroyedNs,
                track.freedNs, track.lastAttemptNs, track.attempts, track.firstAttemptInflight,
                track.lastAttemptInflight, track.holdEvents, track.releaseEvents, track.hold,
                track.release, track.offsetKnown, track.highestNs, track.cpus, track.releasedUnseen,
                track.heldAgain, track.rebases);
        long offset = track.offsetKnown ? track.offset : 0;
        this.inflightEnd = track.balance + offset;
        this.highest = track.highest == Long.MIN_VALUE ? inflightEnd : track.highest + offset;
        this.lifetimes = track.lifetimes.copy();
        this.series = track.series.freeze(offset, track.offsetKnown);
        this.nidChanges = track.nidChanges.copy();
        this.leftBehind = track.leftBehind.copy();
        int n = track.outstanding.size() + track.outstandingByAddress.size();
        long[] pages = new long[n];
        long[] held = new long[n];
        boolean[] byPfn = new boolean[n];
        int[] next = {0};
        track.outstanding.forEach((page, ns) -> {
            pages[next[0]] = page;
            held[next[0]] = ns;
            byPfn[next[0]++] = true;
        });
        track.outstandingByAddress.forEach((page, ns) -> {
            pages[next[0]] = page;
            held[next[0]++] = ns;
        });
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> held[a] != held[b] ? Long.compare(held[a], held[b])
                : Long.compareUnsigned(pages[a], pages[b]));
        outstandingPages = new long[n];
        outstandingNs = new long[n];
        outstandingPfn = new boolean[n];
        for (int i = 0; i < n; i++) {
            outstandingPages[i] = pages[order[i]];
            outstandingNs[i] = held[order[i]];
            outstandingPfn[i] = byPfn[order[i]];
        }
    }

    public long address() {
        return t.address();
    }

    public long firstNs() {
        return t.firstNs();
    }

    public long lastNs() {
        return t.lastNs();
    }

    /** When the pool held its first page ever ({@code hold=1}), or {@link Capture#NO_TIME} if before the capture. */
    public long createdNs() {
        return t.createdNs();
    }

    /** The first {@code page_pool_release} (the driver called {@code page_pool_destroy()}), or NO_TIME. */
    public long destroyedNs() {
        return t.destroyedNs();
    }

    /** The shutdown attempt that found nothing in flight (the pool was freed), or NO_TIME. */
    public long freedNs() {
        return t.freedNs();
    }

    public long lastAttemptNs() {
        return t.lastAttemptNs();
    }

    /** Shutdown attempts ({@code cnt} of the last one). */
    public long attempts() {
        return t.attempts();
    }

    /** Pages in flight at the first shutdown attempt (the destroy). */
    public int firstAttemptInflight() {
        return t.firstAttemptInflight();
    }

    /** Pages in flight at the last shutdown attempt. */
    public int lastAttemptInflight() {
        return t.lastAttemptInflight();
    }

    public long holdEvents() {
        return t.holdEvents();
    }

    public long releaseEvents() {
        return t.releaseEvents();
    }

    /** The pool's {@code pages_state_hold_cnt} at the end, or -1 if never printed. */
    public long hold() {
        return t.hold();
    }

    /** The pool's {@code pages_state_release_cnt} at the end, or -1 if never printed. */
    public long release() {
        return t.release();
    }

    /** Whether inflight is known in pages; otherwise it is the change since the capture began. */
    public boolean inflightKnown() {
        return t.offsetKnown();
    }

    public long inflightEnd() {
        return inflightEnd;
    }

    public long highestInflight() {
        return highest;
    }

    public long highestInflightNs() {
        return t.highestNs();
    }

    /** Bitmask of the CPUs (0-63) that took pages into the pool: its NAPI's CPUs. */
    public long cpus() {
        return t.cpus();
    }

    /** Releases of pages held before the capture began. */
    public long releasedUnseen() {
        return t.releasedUnseen();
    }

    /**
     * Pages held again while still out, without a release in between: pages
     * that left the pool behind its back and came back from the page
     * allocator, or (when {@link #rebases()} says events were lost) lost
     * releases. The first {@link LeftBehind#KEPT} are listed by
     * {@link #leftBehind()} and its neighbours.
     */
    public long heldAgain() {
        return t.heldAgain();
    }

    /** Of {@link #heldAgain()}, those listed. */
    public int leftBehind() {
        return leftBehind.size();
    }

    /** The {@code i}-th page held again: its pfn, or the address the trace printed for it. */
    public long leftBehindPage(int i) {
        return leftBehind.page(i);
    }

    public boolean leftBehindIsPfn(int i) {
        return leftBehind.isPfn(i);
    }

    /** When the pool took it the time it never released. */
    public long leftBehindHeldNs(int i) {
        return leftBehind.heldNs(i);
    }

    /** When the pool took it again. */
    public long leftBehindReheldNs(int i) {
        return leftBehind.reheldNs(i);
    }

    /** Times the counters disagreed with the events: events were lost. */
    public int rebases() {
        return t.rebases();
    }

    public LogHistogram lifetimes() {
        return lifetimes;
    }

    public InflightSeries series() {
        return series;
    }

    public NidChanges nidChanges() {
        return nidChanges;
    }

    /** Pages held during the capture and not released by its end, oldest first. */
    public int outstanding() {
        return outstandingPages.length;
    }

    public long outstandingPage(int i) {
        return outstandingPages[i];
    }

    /** Whether outstanding page {@code i} is a pfn (else the address the trace printed for it). */
    public boolean outstandingIsPfn(int i) {
        return outstandingPfn[i];
    }

    public long outstandingHeldNs(int i) {
        return outstandingNs[i];
    }

    /** The track's numbers, copied: the history keeps none of the import's tables. */
    private record Scalars(long address, long firstNs, long lastNs, long createdNs, long destroyedNs, long freedNs,
                           long lastAttemptNs, long attempts, int firstAttemptInflight,
                           int lastAttemptInflight, long holdEvents, long releaseEvents, long hold,
                           long release, boolean offsetKnown, long highestNs, long cpus,
                           long releasedUnseen, long heldAgain, int rebases) {
    }
}
