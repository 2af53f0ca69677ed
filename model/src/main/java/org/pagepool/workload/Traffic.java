// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import org.pagepool.nic.Wire;

/**
 * Packet arrivals. While the sender is on, packets come evenly spaced at the
 * on-rate (a line-rate sender, like pktgen); the sender switches on and off
 * with exponentially distributed periods, so the same average rate comes
 * smooth (duty 1) or in bursts (duty below 1). Counting is exact and cheap:
 * a fractional packet credit carries over between counts, and randomness is
 * drawn only when a period ends. Deterministic from its generator.
 */
public final class Traffic implements Wire {
    private static final long NEVER = Long.MAX_VALUE;

    private final SenderPeriods periods;
    private long countedUntil;
    /** Fractions of a packet that have arrived but not yet made a whole one. */
    private double credit;

    public Traffic(Rng rng, WorkloadParams params, long now) {
        this.periods = new SenderPeriods(rng);
        this.countedUntil = now;
        configure(params);
    }

    private Traffic(Traffic o, Rng rng) {
        this.periods = o.periods.copy(rng);
        this.countedUntil = o.countedUntil;
        this.credit = o.credit;
    }

    /** A copy drawing from {@code copiedRng} (the copied simulation's generator). */
    Traffic copy(Rng copiedRng) {
        return new Traffic(this, copiedRng);
    }

    /** Takes new rate and burst settings from the last count on (count up to now first). */
    void configure(WorkloadParams params) {
        periods.configure(params, countedUntil);
    }

    @Override
    public long arrivalsUntil(long until) {
        if (until <= countedUntil) {
            return 0;
        }
        long from = countedUntil;
        double onRate = periods.onRate();
        while (periods.end() <= until) {
            if (periods.on()) {
                credit += (periods.end() - from) * onRate;
            }
            from = periods.end();
            periods.next();
        }
        if (periods.on()) {
            credit += (until - from) * onRate;
        }
        countedUntil = until;
        long whole = (long) credit;
        credit -= whole;
        return whole;
    }

    @Override
    public void linkUp(long time) {
        arrivalsUntil(time); // walks the sender's periods as if counting, so the random draws stay the same
        credit = 0;
    }

    @Override
    public long nextArrival() {
        return arrivalTime(1);
    }

    /**
     * When the {@code k}-th packet after the last count arrives (k >= 1), or
     * an earlier time when the sender's periods are not known that far (the
     * end of the current one): never later than the packet, so a wake-up at
     * this time never misses it.
     */
    public long arrivalTime(long k) {
        if (periods.rate() <= 0) {
            return NEVER;
        }
        long from = countedUntil;
        boolean phaseOn = periods.on();
        long end = periods.end();
        double c = credit;
        // walk the periods without drawing: a period's end is known, the next one's is not
        if (!phaseOn) {
            if (end == NEVER) {
                return NEVER;
            }
            from = end;
            phaseOn = true;
            end = NEVER; // unknown yet: arrivalsUntil draws it when time gets there
        }
        long at = from + (long) Math.ceil((k - c) / periods.onRate());
        if (end != NEVER && at > end) {
            // the sender goes off before a whole packet: the next arrival comes in a later burst
            return end + 1;
        }
        return Math.max(at, countedUntil + 1);
    }

    public double rate() {
        return periods.rate();
    }
}
