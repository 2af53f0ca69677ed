// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * What the tracepoints say about one pool, accumulated while the trace is
 * read: its counters, the pages it holds now (pfn to the time it took them),
 * page lifetimes, and the balance of holds and releases over time.
 *
 * <p>The kernel prints its u32 counters with every page event, so once both
 * {@code hold} and {@code release} have been seen, inflight is exact at every
 * moment of the capture: it is the running balance of events plus a constant
 * offset. A capture that starts mid-life learns the offset at the first
 * release; one that starts with {@code hold=1} knows it at once (nothing can
 * have been released before the first page was held).
 */
final class PageTrack {
    static final long UNKNOWN = -1;
    final long address;
    /** The pool's netlink id, when a {@code page_pool_release_stalled} event named it; -1 otherwise. */
    int id = -1;
    long firstNs = Capture.NO_TIME;
    long lastNs = Capture.NO_TIME;
    long createdNs = Capture.NO_TIME;
    long destroyedNs = Capture.NO_TIME;
    long freedNs = Capture.NO_TIME;
    long lastAttemptNs = Capture.NO_TIME;
    long attempts;
    int lastAttemptInflight;
    int firstAttemptInflight;
    long holdEvents;
    long releaseEvents;
    long hold = UNKNOWN;
    long release = UNKNOWN;
    long balance;
    long offset;
    boolean offsetKnown;
    int rebases;
    long highest = Long.MIN_VALUE;
    long highestNs = Capture.NO_TIME;
    long cpus;
    long releasedUnseen;
    /** Holds of a page the pool still had out: it left without a release (see {@link LeftBehind}). */
    long heldAgain;
    final LeftBehind leftBehind = new LeftBehind();
    /** Pages out now, by pfn, to the time they were held. */
    final LongLongMap outstanding = new LongLongMap(256);
    /** Pages out now that the trace names by address (no pfn in the format, or a net_iov). */
    final LongLongMap outstandingByAddress = new LongLongMap(4);
    final LogHistogram lifetimes = new LogHistogram();
    final BalanceSeries series = new BalanceSeries();
    final NidChanges nidChanges = new NidChanges();

    PageTrack(long address) {
        this.address = address;
    }

    void hold(long ns, int cpu, long page, boolean pfn, long count) {
        seen(ns);
        if (cpu >= 0 && cpu < 64) {
            cpus |= 1L << cpu;
        }
        holdEvents++;
        balance++;
        hold = count;
        if (count == 1) {
            createdNs = createdNs == Capture.NO_TIME ? ns : createdNs;
            release = release == UNKNOWN ? 0 : release;
        }
        long previous = (pfn ? outstanding : outstandingByAddress).put(page, ns);
        if (previous != LongLongMap.FREE) {
            // the page left the pool without a release and came back from the page allocator (or a release was lost)
            heldAgain++;
            leftBehind.add(page, pfn, previous, ns);
        }
        series.add(ns, true, balance);
        reconcile();
        if (balance > highest) {
            highest = balance;
            highestNs = ns;
        }
    }

    void release(long ns, long page, boolean pfn, long count) {
        seen(ns);
        releaseEvents++;
        balance--;
        release = count;
        long heldAt = (pfn ? outstanding : outstandingByAddress).remove(page);
        if (heldAt == LongLongMap.FREE) {
            releasedUnseen++; // held before the capture began
        } else {
            lifetimes.add(ns - heldAt);
        }
        series.add(ns, false, balance);
        reconcile();
    }

    void shutdownAttempt(long ns, int inflight, long holdCount, long releaseCount, long cnt) {
        seen(ns);
        if (destroyedNs == Capture.NO_TIME) {
            destroyedNs = ns;
            firstAttemptInflight = inflight;
        }
        lastAttemptNs = ns;
        lastAttemptInflight = inflight;
        attempts = cnt >= 0 ? Math.max(attempts, cnt) : attempts + 1;
        hold = holdCount;
        release = releaseCount;
        reconcile();
        if (inflight == 0 && freedNs == Capture.NO_TIME) {
            freedNs = ns;
        }
    }

    /** Inflight now, from the counters, when both are known. */
    boolean countersKnown() {
        return hold != UNKNOWN && release != UNKNOWN;
    }

    long inflightNow() {
        return (int) (hold - release);
    }

    private void reconcile() {
        if (!countersKnown()) {
            return;
        }
        long o = inflightNow() - balance;
        if (!offsetKnown) {
            offset = o;
            offsetKnown = true;
        } else if (o != offset) {
            rebases++; // events were lost: trust the kernel's counters from here on
            offset = o;
        }
    }

    void seen(long ns) {
        if (firstNs == Capture.NO_TIME || ns < firstNs) {
            firstNs = ns;
        }
        if (lastNs == Capture.NO_TIME || ns > lastNs) {
            lastNs = ns;
        }
    }

    /** Bytes held by the tables (for the bounded-memory check). */
    long footprintBytes() {
        return outstanding.footprintBytes() + outstandingByAddress.footprintBytes() + leftBehind.footprintBytes()
                + 8L * 64 * 16 + 6L * 8 * BalanceSeries.BINS;
    }
}
