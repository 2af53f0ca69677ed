// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.function.BooleanSupplier;
import org.pagepool.trace.Tracer;
import org.pagepool.view.ModelView;
import org.pagepool.workload.Param;

/**
 * What the runner drives, step by step: a live workload or a script. Owned
 * by the runner's worker thread; nothing here is thread-safe.
 */
interface Session {
    /** Nothing left to do. */
    int IDLE = -1;
    /** The next step lies after the time limit. */
    int LATER = -2;

    /**
     * Runs steps until {@code maxSteps} ran, a step's flags meet
     * {@code stopFlags}, or the next step lies after {@code untilNs}.
     * Returns the last step's flags, {@link #IDLE} or {@link #LATER}.
     */
    int run(long maxSteps, long untilNs, int stopFlags);

    /**
     * {@link #run} until a step of queue {@code queue}'s driver has flags
     * that meet {@code stopFlags} (steps of other queues and actors run
     * on), or {@code maxSteps} ran, or the next step lies after {@code untilNs}.
     * Without queues, this is {@link #run}.
     */
    default int runQueue(int queue, long maxSteps, long untilNs, int stopFlags) {
        return run(maxSteps, untilNs, stopFlags);
    }

    /** Lets simulated time pass to {@code ns} if nothing happens before it. */
    void idleUntil(long ns);

    /** True when nothing will ever happen again (a script's end); a live run goes on in time. */
    boolean finished();

    /** Steps taken since the start. */
    long position();

    /** Simulated time (ns); scripts count lines instead. */
    long timeNs();

    /** When the next step happens, {@link Long#MAX_VALUE} for never. */
    long nextStepTime();

    /** Goes back (or forward) to the state right after step {@code target}. */
    void restore(long target);

    /**
     * Goes to simulated time {@code ns}: back through a snapshot, or forward
     * by running; a long way forward stops early, at a consistent state, as
     * soon as {@code abandon} says so.
     */
    void seek(long ns, BooleanSupplier abandon);

    /** The position of the latest step before {@code position} whose flags meet {@code flags}, or 0. */
    long previousBoundary(long position, int flags);

    /** {@link #previousBoundary}, counting only the steps of queue {@code queue}'s driver. */
    default long previousBoundary(long position, int flags, int queue) {
        return previousBoundary(position, flags);
    }

    /** Where the model's events come from (it changes when the session restores a snapshot). */
    Tracer tracer();

    /** Changes a parameter now; null when done, else why not. */
    String set(Param param, double value);

    /** Reload the driver now; an error message when this session cannot. */
    String reload();

    /** A fresh start of the same thing with another seed. */
    Session reset(long seed) throws Exception;

    /**
     * After the Java heap ran out: lets go of the run, which holds what filled
     * the heap, and goes back to its start (the same seed and changes up to
     * there), so that the viewer has a model to show and room to show it.
     */
    void restart();

    /**
     * Steps per simulated second to assume before the runner has measured
     * any: high by default, so that a run starting fast does not flood the
     * viewer with events.
     */
    default double expectedStepsPerSimSecond() {
        return 1e9;
    }

    /** Called when the runner pauses: a good moment for a snapshot. */
    void paused();

    /** Copies what a viewer needs; {@code status} fills the runner's part. */
    ModelView view(RunnerStatus status);
}
