// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.script.Script;
import org.pagepool.workload.Preset;

/**
 * Runs the model on its own worker thread, the only thread that touches it:
 * a thin shell that loops over {@link RunnerCore#tick()} and parks when the
 * core has nothing to do.
 *
 * <p>Threads: any thread may {@link #submit} commands (a JCTools MPSC queue,
 * handed to the core before each tick) and read {@link #latest()} (an
 * immutable view in a pending slot, replaced, never queued). One consumer
 * thread drains the page events with {@link #drainEvents} (a bounded JCTools
 * SPSC queue: when the consumer falls behind, events are dropped and
 * counted). Nobody ever waits for the worker, and the worker never waits for
 * anybody.
 */
public final class Runner extends RunnerOutputs {
    private final MpscUnboundedArrayQueue<RunnerCommand> commands = new MpscUnboundedArrayQueue<>(64);
    private final RunnerCore core;
    private final Thread worker;
    private volatile boolean closing;

    /** Starts the worker on {@code initial}, paused. */
    Runner(Session initial) {
        core = new RunnerCore(initial, WallClock.SYSTEM, views, events, () -> closing || !commands.isEmpty());
        worker = new Thread(this::loop, "pagepool-model");
        worker.setDaemon(true);
        worker.start();
    }

    /** A runner for a workload preset. */
    public static Runner live(Preset preset) throws PoolCreateException {
        return new Runner(new LiveSession(preset));
    }

    /** A runner for a script. */
    public static Runner script(Script script) {
        return new Runner(new ScriptSession(script));
    }

    @Override
    public void submit(RunnerCommand command) {
        commands.offer(command);
        LockSupport.unpark(worker);
    }

    /**
     * Tells the worker to stop, without waiting: the worker (a daemon) checks
     * between ticks and inside long seeks, so the caller, often the FX
     * thread, never waits for a model in the middle of something long.
     */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(worker);
    }

    /** Whether the worker still runs (it ends soon after {@link #close}). */
    boolean workerAlive() {
        return worker.isAlive();
    }

    private void loop() {
        while (!closing) {
            RunnerCommand command;
            while ((command = commands.poll()) != null) {
                core.submit(command);
            }
            long waitNs = core.tick();
            if (waitNs > 0) {
                LockSupport.parkNanos(this, waitNs); // a command or close unparks
            }
        }
        core.close();
    }
}
