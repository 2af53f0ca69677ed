// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import org.pagepool.workload.Checkpoint;

/**
 * Plays the model for one slice of wall time at the set speed: as many
 * steps as the pacing allows, up to the next checkpoint, with the event
 * stream on only when it is slow enough to watch. The core's thread only.
 */
final class Player {
    /** Wall time a slice plays the model before the core looks at its commands again. */
    static final long SLICE_NS = 4_000_000L;
    /** Steps a slice plays at most, whatever the clock says (a manual clock stands still during a slice). */
    static final long SLICE_STEPS = 1L << 18;
    /** Events per wall second above which the stream is switched off while playing. */
    static final double MAX_EVENT_STEPS_PER_SECOND = 400;
    /** Steps run at once while nobody listens to events. */
    private static final long CHUNK_STEPS = 4096;

    /** How a slice ended. */
    enum Outcome {
        /** Time is up; play goes on. */
        GOES_ON,
        /** Nothing is left to run: a script's end, or a workload with nothing left at infinite speed. */
        ENDED,
        /** The run reached the checkpoint it was to stop at. */
        AT_CHECKPOINT
    }

    private final WallClock clock;
    private final Pacing pacing;
    private final EventTap tap;
    private final Rates rates;

    Player(WallClock clock, Pacing pacing, EventTap tap, Rates rates) {
        this.clock = clock;
        this.pacing = pacing;
        this.tap = tap;
        this.rates = rates;
    }

    /** Plays one slice of {@code session}, stopping at {@code stop} (null for none). */
    Outcome slice(Session session, Checkpoint stop) {
        long started = clock.nanoTime();
        double stepsPerSecond = rates.measured() ? rates.stepsPerSimSecond() : session.expectedStepsPerSimSecond();
        boolean wantEvents = pacing.finite() && stepsPerSecond * pacing.speed() < MAX_EVENT_STEPS_PER_SECOND;
        if (wantEvents && !tap.on()) {
            tap.attach(session.tracer());
        } else if (!wantEvents && tap.on()) {
            tap.detach();
        }
        long target = pacing.target(started, session.timeNs(), SLICE_NS);
        if (stop != null && stop.timeNs() >= 0) {
            target = Math.min(target, stop.timeNs());
        }
        long chunk = tap.on() ? 1 : CHUNK_STEPS;
        long ran = 0;
        while (clock.nanoTime() - started < SLICE_NS && ran < SLICE_STEPS) {
            long steps = chunk;
            if (stop != null && stop.step() >= 0) {
                steps = Math.max(0, Math.min(chunk, stop.step() - session.position()));
            }
            if (stop != null && stop.reached(session.position(), session.timeNs())) {
                break;
            }
            long before = session.position();
            int result = session.run(steps, target, 0);
            ran += Math.max(1, session.position() - before);
            if (tap.on() && result >= 0) {
                tap.offer(new StepDone(session.position(), result));
            }
            if (result == Session.LATER) {
                break;
            }
            if (result == Session.IDLE) {
                if (session.finished() || target == Long.MAX_VALUE) {
                    return Outcome.ENDED;
                }
                break; // time goes on although nothing happens
            }
        }
        if (target != Long.MAX_VALUE) {
            session.idleUntil(Math.min(target, session.nextStepTime() - 1));
        }
        if (stop != null && stop.timeNs() >= 0 && session.timeNs() < stop.timeNs() && target >= stop.timeNs()) {
            session.idleUntil(stop.timeNs()); // the checkpoint's moment, even if nothing happens at it
        }
        rates.sample(clock.nanoTime(), session);
        return stop != null && stop.reached(session.position(), session.timeNs()) ? Outcome.AT_CHECKPOINT
                : Outcome.GOES_ON;
    }
}
