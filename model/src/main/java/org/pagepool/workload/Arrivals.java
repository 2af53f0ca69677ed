// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

/**
 * The sender of a NIC with several RX queues: the same sender as
 * {@link Traffic} (evenly spaced packets at the on-rate, on and off periods
 * of exponential length), but as a numbered sequence of packets whose times
 * do not depend on when anyone counts. A packet's time is worked out from
 * the start of its stretch (the start of its on period, or the last change
 * of rate) and its number in it, never from the last count, so the queues
 * can count their own packets each at its own times and still see the same
 * packets; and a packet looked up ahead ({@link #peek}) comes exactly when
 * it was said to. Random draws (the periods' lengths) come from the
 * sender's own generator, in period order, whoever asks.
 */
final class Arrivals {
    static final long NEVER = Long.MAX_VALUE;

    private final SenderPeriods periods;
    /**
     * ns between packets while on (0 for a silent sender), with the formula that times a stretch's
     * packets: a product per packet is cheaper than a quotient.
     */
    private PacketSpacing spacing = new PacketSpacing(0);
    /** Where the current stretch's times count from. */
    private long anchor;
    /** Fractions of a packet that had arrived by {@link #anchor}. */
    private double credit;
    /** Packets taken in the current stretch. */
    private long taken;
    /** The time of the last packet taken. */
    private long lastTaken;
    /** When the next packet arrives if it comes in this period, else {@link #NEVER}. */
    private long next = NEVER;
    /** When {@link #takeBy} has something to do: the next packet, or the end of the period before it. */
    private long due = NEVER;

    Arrivals(Rng rng, WorkloadParams params) {
        this.periods = new SenderPeriods(rng);
        configure(params);
    }

    private Arrivals(Arrivals o) {
        periods = o.periods.copy();
        spacing = o.spacing;
        anchor = o.anchor;
        credit = o.credit;
        taken = o.taken;
        lastTaken = o.lastTaken;
        next = o.next;
        due = o.due;
    }

    /** A copy drawing from a copy of the generator: for a copied simulation, or to look ahead with. */
    Arrivals copy() {
        return new Arrivals(this);
    }

    /**
     * The link came up at {@code time}: the sender has been sending into a
     * dead link until now (its periods ran on, drawing as they went), and the
     * packets count from here.
     */
    void linkUp(long time) {
        while (periods.end() <= time) {
            endPeriod();
        }
        anchor = time;
        lastTaken = time;
        credit = 0;
        taken = 0;
        findNext();
    }

    /**
     * New rate and burst settings, from the later of {@code now} and the last
     * packet taken on (a queue may have counted a little past the clock).
     */
    void configure(WorkloadParams params, long now) {
        long from = Math.max(now, lastTaken);
        while (periods.end() <= from) {
            endPeriod();
        }
        restartAt(from);
        configure(params);
    }

    private void configure(WorkloadParams params) {
        periods.configure(params, anchor);
        double onRate = periods.onRate();
        spacing = new PacketSpacing(onRate > 0 ? 1 / onRate : 0);
        findNext();
    }

    /** The stretch starts again at {@code time}, carrying the fraction of a packet that has arrived. */
    private void restartAt(long time) {
        if (periods.on()) {
            credit += (time - anchor) * periods.onRate() - taken;
        }
        anchor = time;
        taken = 0;
    }

    private void endPeriod() {
        restartAt(periods.end());
        periods.next();
        findNext();
    }

    private void findNext() {
        next = periods.on() && spacing.ns() > 0 ? timeAheadInStretch(0) : NEVER;
        if (next > periods.end()) {
            next = NEVER;
        }
        due = Math.min(next, periods.end());
    }

    /**
     * When the {@code i}-th packet not taken yet (0 the next) arrives if the
     * current stretch goes on that long: the one formula every packet's time
     * comes from, so that taking, looking ahead and skipping agree to the ns.
     */
    private long timeAheadInStretch(long i) {
        return anchor + spacing.offset(taken + 1 + i, credit);
    }

    /** About how long the sender takes to send {@code n} packets while on; {@link #NEVER} for a silent one. */
    long timeFor(long n) {
        return spacing.ns() > 0 ? (long) Math.min(Math.ceil(n * spacing.ns()), NEVER / 2) : NEVER;
    }

    /** The time of the last packet taken (or of the link coming up, or of the last change). */
    long lastTaken() {
        return lastTaken;
    }

    /** When {@link #takeBy} next has something to do: never earlier than the next packet. */
    long due() {
        return due;
    }

    /**
     * Takes the next packet if it arrives by {@code time} and returns its
     * time, else {@link #NEVER}. Periods that end by {@code time} end on
     * the way (drawing the next ones' lengths).
     */
    long takeBy(long time) {
        while (due <= time) {
            if (next == due) {
                long at = next;
                taken++;
                lastTaken = at;
                findNext();
                return at;
            }
            endPeriod();
        }
        return NEVER;
    }

    /**
     * Takes the next packets of the current period that arrive by {@code
     * time}, at most {@code times.length}, into {@code times}; returns how
     * many. The same packets at the same times as so many {@link #takeBy}
     * calls, in one loop: the multi-queue NIC's sender is its busiest path.
     * Returns 0 when the next thing to do by {@code time} is a period's end.
     */
    int takeRun(long time, long[] times) {
        long end = Math.min(time, periods.end());
        int n = 0;
        long at = next;
        while (at <= end && n < times.length) {
            times[n++] = at;
            taken++;
            at = timeAheadInStretch(0);
        }
        if (n > 0) {
            lastTaken = times[n - 1];
            findNext();
        }
        return n;
    }

    /**
     * When the {@code i}-th packet not taken yet (0 the next) arrives, if it
     * comes in the current period (known without drawing); -1 if not, or
     * {@link #NEVER} when the sender is silent for good.
     */
    long timeAhead(long i) {
        if (spacing.ns() <= 0) {
            return NEVER;
        }
        if (!periods.on()) {
            return -1;
        }
        long at = timeAheadInStretch(i);
        return at <= periods.end() ? at : -1;
    }

    /**
     * On a {@link #copy()} to look ahead with: when the {@code i}-th packet
     * not taken yet (0 the next) arrives, whatever its period, taking those
     * before it a period at a time rather than one by one ({@link #NEVER}
     * when the sender is silent for good). The same times as taking them one
     * by one: a period's packets are counted with the formula that times them.
     */
    long skipTo(long i) {
        if (spacing.ns() <= 0) {
            return NEVER;
        }
        while (true) {
            long at = timeAhead(i);
            if (at >= 0) {
                return at;
            }
            if (periods.on()) {
                long left = packetsBy(periods.end(), i);
                taken += left;
                i -= left;
            }
            endPeriod();
        }
    }

    /**
     * Takes every packet that arrives by {@code time} and ends the periods
     * that end by then, as {@link #takeBy} called until it returns {@link
     * #NEVER} does (the same state, the same draws), but a period's packets
     * at once, counted with the formula that times them rather than taken
     * one by one. Returns how many it took.
     */
    long takeUntil(long time) {
        long n = 0;
        while (due <= time) {
            if (next != due) {
                endPeriod();
                continue;
            }
            long end = Math.min(time, periods.end());
            long hi = 1;
            while (timeAheadInStretch(hi) <= end) {
                hi *= 2; // the hi-th packet comes after it, so those by then are among 0..hi
            }
            long k = packetsBy(end, hi);
            taken += k;
            lastTaken = anchor + spacing.offset(taken, credit); // the last one taken: timeAheadInStretch(-1)
            n += k;
            findNext();
        }
        return n;
    }

    /** How many of the next {@code i} packets of this period (the {@code i}-th comes after it) come by {@code end}. */
    private long packetsBy(long end, long i) {
        long lo = 0;
        long hi = i; // the first packet after end is among 0..i
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (timeAheadInStretch(mid) <= end) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * On a {@link #copy()} to look ahead with: takes the next packet whatever its time
     * and returns it, {@link #NEVER} when the sender is silent for good.
     */
    long peek() {
        if (spacing.ns() <= 0) {
            return NEVER;
        }
        return takeBy(NEVER - 1);
    }
}
