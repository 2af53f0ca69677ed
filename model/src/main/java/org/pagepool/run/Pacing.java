// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

/**
 * Keeps simulated time in step with wall time at the set speed (simulated
 * seconds per wall second, or infinite: as fast as possible). The core's
 * thread only.
 */
final class Pacing {
    /** Simulated time behind the wall clock after which the model is let off its backlog. */
    private static final long MAX_BACKLOG_NS = 100_000_000L;
    /** The longest a worker sleeps before a step that is due later; commands wake it anyway. */
    private static final long MAX_SLEEP_NS = 2_000_000L;
    /** Steps due sooner than this are not worth a sleep. */
    private static final long MIN_SLEEP_NS = 100_000L;

    private final WallClock clock;
    private double speed;
    private long wallAnchor;
    private long simAnchor;

    Pacing(WallClock clock, double speed) {
        this.clock = clock;
        this.speed = speed;
    }

    double speed() {
        return speed;
    }

    boolean finite() {
        return Double.isFinite(speed);
    }

    /** Sets the speed from now on; a factor that is not positive means real time. */
    void setSpeed(double factor, long simNow) {
        speed = factor > 0 ? factor : 1.0;
        anchor(simNow);
    }

    /** A newly loaded run starts at the speed it reads well at. */
    void start(double startSpeed, long simNow) {
        speed = startSpeed;
        anchor(simNow);
    }

    /** From now on, simulated time counts from {@code simNow}. */
    void anchor(long simNow) {
        wallAnchor = clock.nanoTime();
        simAnchor = simNow;
    }

    /**
     * The simulated time the model should have reached at wall time
     * {@code wallNow}, {@link Long#MAX_VALUE} as fast as possible. A model
     * that cannot keep up is given one slice more, not a pile of backlog.
     */
    long target(long wallNow, long simNow, long sliceNs) {
        if (!finite()) {
            return Long.MAX_VALUE;
        }
        long target = simAnchor + (long) ((wallNow - wallAnchor) * speed);
        if (target - simNow > MAX_BACKLOG_NS * speed) {
            anchor(simNow);
            target = simNow + (long) (sliceNs * speed);
        }
        return target;
    }

    /** How long the worker may sleep until the next step is due (0: not at all). */
    long sleepNs(long nextStepTime, long simNow) {
        if (!finite()) {
            return 0;
        }
        long dueIn = (long) ((nextStepTime - simNow) / speed);
        return dueIn > MIN_SLEEP_NS ? Math.min(dueIn, MAX_SLEEP_NS) : 0;
    }
}
