// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.pagepool.mm.MemMap;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.script.ScriptRecorder;
import org.pagepool.trace.Tracer;
import org.pagepool.view.DeviceView;
import org.pagepool.view.LoadedView;
import org.pagepool.view.ModelView;
import org.pagepool.view.PageSlots;
import org.pagepool.view.PoolTotals;
import org.pagepool.view.PoolView;
import org.pagepool.view.PoolsView;
import org.pagepool.view.QueueActivity;
import org.pagepool.view.QueueView;
import org.pagepool.view.QueuesView;
import org.pagepool.view.StackView;
import org.pagepool.view.StatusView;
import org.pagepool.workload.Param;
import org.pagepool.workload.Preset;
import org.pagepool.workload.Simulation;
import org.pagepool.workload.TimedAction;

/**
 * A live workload with a history: it can go back to any position after its
 * oldest snapshot by copying the nearest snapshot and replaying, the user's
 * changes included, which gives the very same state (the simulation is
 * deterministic). Worker thread only.
 */
final class LiveSession implements Session {
    /** Steps between snapshots while playing (and at least this much wall time). */
    static final long SNAPSHOT_STEPS = 1L << 20;
    static final long SNAPSHOT_WALL_NS = 250_000_000L;
    /** Sockets shown at most (the view says how many there really are). */
    static final int SOCKETS_SHOWN = 4096;

    private final Preset preset;
    private final History history = new History();
    /** The queues' marks and rates between views (it starts afresh when time goes back). */
    private final QueueActivity activity = new QueueActivity();
    /** Steps a seek runs between looks at whether it should stop. */
    private static final long SEEK_CHUNK_STEPS = 1 << 16;

    private Simulation sim;
    /** Index of the first change in the history not yet applied to {@code sim}. */
    private int nextChange;
    private long lastSnapshotWall = System.nanoTime();

    /** The recording under way: it follows the simulation it started with. */
    private ScriptRecorder recorder;
    private Simulation recorded;
    private StringWriter recording;

    LiveSession(Preset preset) throws PoolCreateException {
        this(preset, false);
    }

    /** A fresh run of the preset; with {@code record}, its pool calls are written as a .pool script. */
    LiveSession(Preset preset, boolean record) throws PoolCreateException {
        this.preset = preset;
        if (record) {
            recording = new StringWriter();
            recorder = new ScriptRecorder(recording);
        }
        this.sim = preset.start(recorder);
        recorded = sim;
        history.snapshot(sim);
    }

    /** True while the run is being recorded. */
    boolean recording() {
        return recorder != null && !recorder.stopped();
    }

    /** True when the recording ended by itself (its size limit, or its pool slots) and waits to be collected. */
    boolean recordingEndedItself() {
        return recorder != null && recorder.stopped();
    }

    /** When and why the recording ended by itself ({@link ScriptRecorder#endedEarly}), or null. */
    String recordingEndedWhy() {
        return recorder == null ? null : recorder.endedEarly();
    }

    long recordedLines() {
        return recorder == null ? 0 : recorder.lines();
    }

    /** Ends the recording (as far as the recorded run went) and returns the script, or null when none. */
    String stopRecording() {
        if (recorder == null) {
            return null;
        }
        recorder.finish(recorded.kernel());
        String text = recording.toString();
        recorder = null;
        recording = null;
        recorded = null;
        return text;
    }

    Simulation simulation() {
        return sim;
    }

    @Override
    public int run(long maxSteps, long untilNs, int stopFlags) {
        int result = sim.run(maxSteps, untilNs, stopFlags);
        if (sim.steps() - history.latest().position() >= SNAPSHOT_STEPS
                && System.nanoTime() - lastSnapshotWall >= SNAPSHOT_WALL_NS) {
            history.snapshot(sim);
            lastSnapshotWall = System.nanoTime();
        }
        return result == Simulation.IDLE ? IDLE : result == Simulation.LATER ? LATER : result;
    }

    @Override
    public int runQueue(int focus, long maxSteps, long untilNs, int stopFlags) {
        int queue = Math.min(focus, sim.queueCount() - 1); // as the view clamps it
        int result = 0;
        for (long done = 0; done < maxSteps; done++) {
            result = run(1, untilNs, stopFlags);
            if (result < 0 || (result & stopFlags) != 0 && sim.lastQueue() == queue) {
                return result;
            }
        }
        return result;
    }

    @Override
    public void idleUntil(long ns) {
        sim.idleUntil(ns);
    }

    @Override
    public boolean finished() {
        return false;
    }

    @Override
    public long position() {
        return sim.steps();
    }

    @Override
    public long timeNs() {
        return sim.now();
    }

    @Override
    public long nextStepTime() {
        return sim.nextStepTime();
    }

    @Override
    public void paused() {
        if (sim.steps() != history.latest().position()) {
            history.snapshot(sim);
        }
    }

    @Override
    public Tracer tracer() {
        return sim.kernel().tracer();
    }

    @Override
    public void restore(long target) {
        if (target < sim.steps() && recording()) {
            throw new IllegalStateException("stop the recording before going back");
        }
        if (target >= sim.steps()) {
            nextChange = replayTo(sim, target, nextChange);
            return;
        }
        History.Snapshot from = history.before(target);
        Simulation copy = from.sim().copy();
        nextChange = replayTo(copy, target, from.changesIncluded());
        sim = copy;
    }

    /**
     * Runs {@code s} forward to position {@code target}, applying the user's
     * changes (from index {@code next} on) where they were made; returns the
     * index of the first change not applied.
     */
    private int replayTo(Simulation s, long target, int next) {
        List<History.Change> changes = history.changes();
        while (true) {
            while (next < changes.size() && changes.get(next).position() <= s.steps()
                    && changes.get(next).position() <= target) {
                History.Change c = changes.get(next++);
                s.idleUntil(c.timeNs());
                s.apply(c.action());
            }
            if (s.steps() >= target) {
                return next;
            }
            long until = next < changes.size() ? Math.min(changes.get(next).position(), target) : target;
            if (s.run(until - s.steps(), Long.MAX_VALUE, 0) == Simulation.IDLE) {
                return next;
            }
        }
    }

    @Override
    public void seek(long ns, BooleanSupplier abandon) {
        if (ns < sim.now() && recording()) {
            throw new IllegalStateException("stop the recording before going back");
        }
        if (ns < sim.now()) {
            History.Snapshot from = history.beforeTime(ns);
            sim = from.sim().copy();
            nextChange = from.changesIncluded();
        }
        List<History.Change> changes = history.changes();
        while (true) {
            while (nextChange < changes.size() && changes.get(nextChange).position() <= sim.steps()) {
                History.Change c = changes.get(nextChange++);
                sim.idleUntil(c.timeNs());
                sim.apply(c.action());
            }
            long steps = nextChange < changes.size() ? changes.get(nextChange).position() - sim.steps()
                    : Long.MAX_VALUE;
            int result = sim.run(Math.min(steps, SEEK_CHUNK_STEPS), ns, 0);
            if (result == Simulation.LATER || result == Simulation.IDLE) {
                break;
            }
            if (abandon.getAsBoolean()) {
                return; // somewhere on the way, every step whole
            }
        }
        sim.idleUntil(ns);
    }

    @Override
    public long previousBoundary(long position, int flags) {
        return previousBoundary(position, flags, -1);
    }

    @Override
    public long previousBoundary(long position, int flags, int focus) {
        int queue = focus < 0 ? -1 : Math.min(focus, sim.queueCount() - 1);
        History.Snapshot from = history.before(position - 1);
        while (from != null) {
            long found = lastFlagged(from, position, flags, queue);
            if (found >= 0) {
                return found;
            }
            from = history.earlier(from);
        }
        return history.oldestPosition();
    }

    /**
     * Replays a copy of {@code from} up to {@code position} and returns the
     * last step before it with {@code flags} (of queue {@code queue}'s
     * driver, unless it is -1), or -1.
     */
    private long lastFlagged(History.Snapshot from, long position, int flags, int queue) {
        Simulation s = from.sim().copy();
        List<History.Change> changes = history.changes();
        int next = from.changesIncluded();
        long found = -1;
        while (s.steps() < position - 1) {
            while (next < changes.size() && changes.get(next).position() <= s.steps()) {
                History.Change c = changes.get(next++);
                s.idleUntil(c.timeNs());
                s.apply(c.action());
            }
            long limit = next < changes.size() ? Math.min(changes.get(next).position(), position - 1) : position - 1;
            // one queue: step by step, to see whose step each one is
            int result = s.run(queue < 0 ? limit - s.steps() : 1, Long.MAX_VALUE, flags);
            if (result == Simulation.IDLE) {
                break;
            }
            if (result >= 0 && (result & flags) != 0 && (queue < 0 || s.lastQueue() == queue)) {
                found = s.steps();
            }
        }
        return found;
    }

    @Override
    public String set(Param param, double value) {
        try {
            sim.set(param, value);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        history.change(sim.steps(), sim.now(), new TimedAction.SetParam(param, value));
        nextChange = history.changes().size();
        return null;
    }

    @Override
    public String reload() {
        TimedAction.Action reload = new TimedAction.Reload();
        sim.apply(reload);
        history.change(sim.steps(), sim.now(), reload);
        nextChange = history.changes().size();
        return null;
    }

    @Override
    public void restart() {
        sim = null; // first: the run holds what filled the heap
        recorder = null;
        recording = null;
        recorded = null;
        History.Snapshot first = history.before(0);
        history.forgetAfter(first.position());
        Simulation copy = first.sim().copy();
        nextChange = replayTo(copy, first.position(), first.changesIncluded());
        sim = copy;
    }

    /** Starts the preset again, with the parameters as the user left them (what if the ring were smaller?). */
    @Override
    public Session reset(long seed) throws PoolCreateException {
        return new LiveSession(preset.withSeed(seed).withParams(sim.nextParams()));
    }

    @Override
    public ModelView view(RunnerStatus status) {
        var kernel = sim.kernel();
        MemMap memmap = kernel.mm().memMap();
        QueuesView queues = activity.observe(sim, status.focus());
        int focus = queues.focus();
        List<PoolView> pools = new ArrayList<>();
        for (PagePool pool : sim.pools(focus)) {
            pools.add(PoolView.of(pool, memmap));
        }
        PoolTotals shown = PoolTotals.of(pools);
        PoolTotals all = PoolTotals.ZERO;
        for (QueueView q : queues.list()) {
            all = all.plus(q.pools());
        }
        int skbs = sim.socketCount();
        int sockets = skbs + sim.framesInFlight();
        int shownSockets = Math.min(sockets, SOCKETS_SHOWN);
        // skbs first, then the redirected frames still waiting on their CPU
        PageSlots socketSlots = PageSlots.of(memmap, i -> i < skbs ? sim.socketPage(i) : sim.frame(i - skbs),
                shownSockets);
        StatusView state = status.view(status.state(), status.error(), sim.steps(), sim.now(),
                kernel.jiffies().now(), recording() ? recordedLines() : -1);
        LoadedView loaded = new LoadedView(preset.title(), preset.name(), sim.seed(), preset, sim.nextParams(), null);
        return new ModelView(state, loaded, status.kernel(kernel), new PoolsView(pools, shown, all),
                DeviceView.of(sim.driver(focus), memmap), sim.nicStats(),
                new StackView(sim.stackStats(), socketSlots, sockets), queues, status.guide());
    }

    Preset preset() {
        return preset;
    }

    long packets() {
        return sim.packets();
    }

    History history() {
        return history;
    }
}
