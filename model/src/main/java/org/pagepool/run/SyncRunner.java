// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.function.Predicate;
import org.pagepool.mm.HeapGuard;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.script.Script;
import org.pagepool.view.ModelView;
import org.pagepool.workload.Preset;

/**
 * For tests and tools: runs on the caller's thread. The same core as
 * {@link Runner}, with a {@link ManualClock} instead of a worker thread:
 * commands wait in the queue until the caller {@link #tick()}s, and wall
 * time passes only when the caller lets it ({@link #runFor},
 * {@link #runUntil}), so a run is the same on a fast machine and a slow one.
 * One thread only, the one that ticks (the FX thread, when an app test
 * drives the window with it).
 */
public final class SyncRunner extends RunnerOutputs {
    /** Wall time one tick of {@link #runFor} and {@link #runUntil} stands for: the worker's slice. */
    public static final long TICK_NS = Player.SLICE_NS;

    private final ManualClock clock = new ManualClock();
    private final RunnerCore core;
    private boolean closed;

    SyncRunner(Session initial) {
        core = new RunnerCore(initial, clock, views, events, () -> closed);
    }

    /** A runner that watches the heap with {@code heap} (a test's, which turns when it says). */
    SyncRunner(Session initial, HeapGuard heap) {
        core = new RunnerCore(initial, clock, views, events, () -> closed, heap);
    }

    /** A runner for a workload preset, paused. */
    public static SyncRunner live(Preset preset) throws PoolCreateException {
        return new SyncRunner(new LiveSession(preset));
    }

    /** A runner for a script, paused. */
    public static SyncRunner script(Script script) {
        return new SyncRunner(new ScriptSession(script));
    }

    /** Queues a command; the next tick applies it. */
    @Override
    public void submit(RunnerCommand command) {
        if (!closed) {
            core.submit(command);
        }
    }

    /**
     * Applies the queued commands and plays one slice at the clock's time,
     * without moving the clock; returns the latest view.
     */
    public ModelView tick() {
        if (!closed) {
            core.tick();
        }
        return latest();
    }

    /** Submits {@code command} and ticks once: the view it brought. */
    public ModelView apply(RunnerCommand command) {
        submit(command);
        return tick();
    }

    /** Lets {@code wallNs} of wall time pass, a tick every {@link #TICK_NS}; returns the latest view. */
    public ModelView runFor(long wallNs) {
        for (long passed = 0; passed < wallNs; passed += TICK_NS) {
            clock.advance(TICK_NS);
            tick();
        }
        return latest();
    }

    /**
     * Ticks, {@link #TICK_NS} of wall time apart, until the latest view
     * satisfies {@code condition}, at least once; fails (naming
     * {@code what} and the last view) after {@code maxWallNs} of wall time
     * on the manual clock, which is a number of ticks, not a deadline.
     */
    public ModelView runUntil(Predicate<ModelView> condition, long maxWallNs, String what) {
        for (long passed = 0; passed <= maxWallNs; passed += TICK_NS) {
            ModelView view = tick();
            if (view != null && condition.test(view)) {
                return view;
            }
            clock.advance(TICK_NS);
        }
        throw new IllegalStateException("no view " + what + " within " + maxWallNs / 1_000_000 + " ms of wall time"
                + " on the manual clock; the last: " + describe(latest()));
    }

    /** The clock the core paces against. */
    public ManualClock clock() {
        return clock;
    }

    /** Stops: later commands and ticks do nothing. */
    @Override
    public void close() {
        if (!closed) {
            core.close();
        }
        closed = true;
    }

    private static String describe(ModelView view) {
        return view == null ? "none" : "serial " + view.serial() + ", " + view.state() + ", position "
                + view.position() + ", time " + view.timeNs() + " ns, error " + view.error();
    }
}
