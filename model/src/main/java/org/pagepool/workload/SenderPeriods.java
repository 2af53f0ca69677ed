// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

/**
 * When a sender is on and off: periods of exponential length, on ones of
 * {@code traffic.burst_ns} on average and off ones long enough that the
 * sender is on for the duty cycle's share of the time, each length drawn
 * when the period before it ends. With duty 1 the sender never pauses. The
 * settings and the on-rate they give are kept here too, for the two senders
 * built on it ({@link Traffic} for one queue, {@link Arrivals} for several).
 */
final class SenderPeriods {
    static final long NEVER = Long.MAX_VALUE;

    private final Rng rng;
    private double rate;
    private double duty;
    private double burstNs;
    /** Packets per ns while the sender is on: the average divided by the duty cycle. */
    private double onRate;
    private boolean on = true;
    /** When the current period ends; {@link #NEVER} while the sender never pauses. */
    private long end = NEVER;

    SenderPeriods(Rng rng) {
        this.rng = rng;
    }

    private SenderPeriods(SenderPeriods o, Rng rng) {
        this.rng = rng;
        rate = o.rate;
        duty = o.duty;
        burstNs = o.burstNs;
        onRate = o.onRate;
        on = o.on;
        end = o.end;
    }

    /** A copy drawing from {@code copiedRng}. */
    SenderPeriods copy(Rng copiedRng) {
        return new SenderPeriods(this, copiedRng);
    }

    /** A copy drawing from a copy of the generator. */
    SenderPeriods copy() {
        return new SenderPeriods(this, rng.copy());
    }

    /**
     * Takes new rate and burst settings at {@code now}. The current period
     * keeps its end; a sender that never paused starts an on period now.
     */
    void configure(WorkloadParams params, long now) {
        rate = params.get(Param.RATE);
        duty = params.get(Param.DUTY);
        burstNs = params.get(Param.BURST);
        onRate = rate / duty / 1e9;
        if (duty >= 1.0) {
            on = true;
            end = NEVER;
        } else if (end == NEVER) {
            on = true;
            end = now + Math.max(1, (long) rng.exponentialByInversion(burstNs));
        }
    }

    /** The current period ends: the next one starts, its length drawn now. */
    void next() {
        on = !on;
        double mean = on ? burstNs : burstNs * (1 - duty) / duty;
        end += Math.max(1, (long) rng.exponentialByInversion(mean));
    }

    boolean on() {
        return on;
    }

    long end() {
        return end;
    }

    double onRate() {
        return onRate;
    }

    double rate() {
        return rate;
    }
}
