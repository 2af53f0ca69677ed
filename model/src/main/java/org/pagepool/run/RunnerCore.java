// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import org.pagepool.mm.HeapGuard;
import org.pagepool.view.ModelView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.Checkpoint;
import org.pagepool.workload.HeapAdvice;
import org.pagepool.workload.Preset;

/**
 * Everything the runner does, one {@link #tick()} at a time, on one thread
 * and with no threads of its own: it applies the commands submitted since
 * the last tick, plays one slice of wall time at the set speed (a
 * {@link Player} against an injected {@link WallClock}), follows checkpoints and recordings, and
 * publishes a view to its {@link ViewSink} after every command and every
 * {@value #PUBLISH_INTERVAL_MS} ms of play ({@value #FAST_PUBLISH_INTERVAL_MS} ms while the page events
 * are off). Page events go to an
 * {@link EventSink} while stepping or playing slowly enough
 * ({@link ModelView#eventsOn()} says which).
 *
 * <p>Not thread-safe: {@link Runner} calls it from its worker thread only,
 * {@link SyncRunner} from the caller's.
 */
final class RunnerCore {
    static final int PUBLISH_INTERVAL_MS = 10;
    /**
     * While playing too fast for page events: a view every second frame of a 60 Hz screen. Occupancy and
     * flows read as well at 30 views a second, and each view is copied, laid out and painted half as often.
     */
    static final int FAST_PUBLISH_INTERVAL_MS = 33;
    /** A step command stops after this many steps or this much simulated time if its unit never comes. */
    static final long MAX_STEP_STEPS = 50_000_000L;
    static final long MAX_STEP_NS = 60_000_000_000L;
    /** A loaded script starts at two lines a second. */
    static final double SCRIPT_SPEED = 1.0;
    /** How long the caller may wait for a command when nothing plays. */
    static final long IDLE_WAIT_NS = 50_000_000L;
    /**
     * A collection that leaves the heap this full stops a run that moves: the
     * viewer needs the rest (a renderer that runs out of heap stops drawing
     * for good), and the model's own copies are bounded well below it.
     */
    static final double HEAP_SHARE = 0.8;

    private final WallClock clock;
    private final ViewSink views;
    private final BooleanSupplier interrupted;
    private final ArrayDeque<RunnerCommand> commands = new ArrayDeque<>();
    private final EventTap tap;
    private final Pacing pacing;
    private final CheckpointStops stops = new CheckpointStops();
    private final Rates rates = new Rates();
    private final Player player;
    private final HeapGuard heap;
    private Session session;
    private RunnerState state = RunnerState.PAUSED;
    private String error;
    private long serial;
    private long loads;
    private long lastPublish;
    /** The queue the viewer looks at in detail; it stays across loads (a session clamps it to its queues). */
    private int focus;

    /**
     * A core on {@code initial}, paused, with its first view published.
     * {@code interrupted} says when someone wants attention (a command
     * still outside the core, closing): a long seek gives way to it.
     */
    RunnerCore(Session initial, WallClock clock, ViewSink views, EventSink events, BooleanSupplier interrupted) {
        this(initial, clock, views, events, interrupted, HeapGuard.start(HEAP_SHARE));
    }

    /** The same, watching the heap with {@code heap}, which {@link #close()} closes. */
    RunnerCore(Session initial, WallClock clock, ViewSink views, EventSink events, BooleanSupplier interrupted,
               HeapGuard heap) {
        this.heap = heap;
        this.session = initial;
        this.clock = clock;
        this.views = views;
        this.interrupted = interrupted;
        this.tap = new EventTap(events);
        this.pacing = new Pacing(clock, initial instanceof LiveSession live ? live.preset().speed() : SCRIPT_SPEED);
        this.player = new Player(clock, pacing, tap, rates);
        publish();
    }

    /** Queues a command for the next tick. */
    void submit(RunnerCommand command) {
        commands.add(command);
    }

    /**
     * Applies the queued commands, plays one slice if playing, and publishes
     * when a command moved something or the interval passed. Returns how
     * long the caller may wait before the next tick (ns, 0 for at once); a
     * new command is worth waking up for.
     */
    long tick() {
        try {
            boolean changed = applyCommands();
            boolean playing = state == RunnerState.PLAYING;
            if (playing) {
                play();
            }
            if ((playing || changed) && heap.low() && state != RunnerState.ERROR) {
                outOfHeap(false);
                return 0;
            }
            long now = clock.nanoTime();
            if (changed || state != RunnerState.PLAYING && playing
                    || playing && now - lastPublish >= publishIntervalNs()) {
                publish();
            }
            if (state != RunnerState.PLAYING) {
                return IDLE_WAIT_NS;
            }
            return pacing.sleepNs(session.nextStepTime(), session.timeNs());
        } catch (OutOfMemoryError e) {
            outOfHeap(true); // nothing allocated before the session lets its run go
            return 0;
        } catch (RuntimeException | StackOverflowError e) {
            fail(e);
            return 0;
        }
    }

    /**
     * The run needs more heap than there is (a NIC whose rings fill it, sockets
     * that hold every page): the session lets it go and starts again, paused,
     * and the viewer is told what to change. A recording under way is kept
     * as far as it went when there is room to finish it.
     */
    private void outOfHeap(boolean ranOut) {
        long at = session.timeNs();
        LiveSession live = session instanceof LiveSession l ? l : null;
        long listed = live == null ? 0 : live.simulation().listedPacketBytes();
        state = RunnerState.PAUSED;
        tap.detach();
        try {
            endRecording(null);
        } catch (OutOfMemoryError e) {
            // no room to finish it: it goes with the run
        }
        try {
            session.restart();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(e);
            return;
        }
        String what = ranOut ? "ran out (at most " + (HeapGuard.maxHeapBytes() >> 20) + " MB)"
                : "was nearly full (" + heap.describe() + ")";
        heap.rearm();
        stops.leave(session);
        String change = live != null ? HeapAdvice.of(live.simulation().params(), listed, HeapGuard.maxHeapBytes())
                : "give the script fewer pages (memory pages=...) or fewer allocations";
        error = "the Java heap " + what + " at " + BigDecimal.valueOf(at, 9).stripTrailingZeros().toPlainString()
                + " s of the run, so it starts again, paused: " + change + ", or the app more heap (-Xmx)";
        publish();
    }

    /** Lets go of the heap guard's listener: the runner is closed. */
    void close() {
        heap.close();
    }

    private void fail(Throwable e) {
        state = RunnerState.ERROR;
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        error = "the model failed: " + e + (where != null ? " at " + where : "");
        try {
            publish();
        } catch (RuntimeException | Error again) {
            views.publish(null);
        }
    }

    /** Applies queued commands; true when one moved the model (a view must follow at once). */
    private boolean applyCommands() {
        boolean moved = false;
        RunnerCommand command;
        while ((command = commands.poll()) != null) {
            moved |= apply(command);
        }
        return moved;
    }

    private boolean apply(RunnerCommand command) {
        if (command instanceof RunnerCommand.LoadPreset c) {
            return load(() -> new LiveSession(c.preset()), c.preset().speed());
        }
        if (command instanceof RunnerCommand.LoadScript c) {
            return load(() -> new ScriptSession(c.script()), SCRIPT_SPEED);
        }
        if (command instanceof RunnerCommand.Reset c) {
            return replace(() -> session.reset(c.seed()));
        }
        if (command instanceof RunnerCommand.Guide c) {
            stops.guide(c.on(), session);
            return true;
        }
        if (command instanceof RunnerCommand.Record c) {
            return record(c.on());
        }
        if (command instanceof RunnerCommand.Focus c) {
            focus = Math.max(0, c.queue());
            return true;
        }
        if (state == RunnerState.ERROR) {
            return false; // only a load or a reset leaves the error state
        }
        if (command instanceof RunnerCommand.Play) {
            if (state != RunnerState.ENDED) {
                state = RunnerState.PLAYING;
                stops.resume();
                pacing.anchor(session.timeNs());
            }
            return true;
        }
        if (command instanceof RunnerCommand.Pause) {
            pause();
            return true;
        }
        if (command instanceof RunnerCommand.Speed c) {
            pacing.setSpeed(c.factor(), session.timeNs());
            return true;
        }
        if (command instanceof RunnerCommand.Step c) {
            step(c.unit());
            return true;
        }
        if (command instanceof RunnerCommand.StepBack c) {
            stepBack(c.unit());
            return true;
        }
        if (command instanceof RunnerCommand.Seek c) {
            seek(c.timeNs());
            return true;
        }
        if (command instanceof RunnerCommand.SetParam c) {
            error = session.set(c.param(), c.value()); // a refusal is shown until the next successful change
            return true;
        }
        if (command instanceof RunnerCommand.Reload) {
            error = session.reload();
            return true;
        }
        return false;
    }

    /** Goes forward by one unit, paused, with the event stream on (a step is always animated). */
    private void step(Unit unit) {
        pause();
        tap.attach(session.tracer()); // it stays on until play decides
        long limit = session.timeNs() + MAX_STEP_NS;
        int result = unit.oneQueue() ? session.runQueue(focus, MAX_STEP_STEPS, limit, unit.flags())
                : session.run(MAX_STEP_STEPS, limit, unit.flags());
        if (result == Session.IDLE && session.finished()) {
            state = RunnerState.ENDED;
        }
        tap.offer(new StepDone(session.position(), 0));
        stops.leave(session);
    }

    private void stepBack(Unit unit) {
        pause();
        tap.detach(); // replaying to the target is not news
        endRecording("going back ended the recording");
        session.restore(unit.oneQueue() ? session.previousBoundary(session.position(), unit.flags(), focus)
                : session.previousBoundary(session.position(), unit.flags()));
        if (state == RunnerState.ENDED) {
            state = RunnerState.PAUSED;
        }
        stops.leave(session);
    }

    /** Goes to a simulated time, back or forward; a new command or closing cuts a long way forward short. */
    private void seek(long target) {
        pause();
        tap.detach();
        if (target < session.timeNs()) {
            endRecording("going back ended the recording");
        }
        session.seek(target, () -> !commands.isEmpty() || interrupted.getAsBoolean() || heap.low());
        if (state == RunnerState.ENDED && !session.finished()) {
            state = RunnerState.PAUSED;
        }
        stops.leave(session);
    }

    private interface SessionMaker {
        Session make() throws Exception;
    }

    /** Replaces the session with a newly loaded one, which sets the speed it reads well at. */
    private boolean load(SessionMaker maker, double startSpeed) {
        Session before = session;
        boolean changed = replace(maker);
        if (session != before) {
            loads++;
            pacing.start(startSpeed, session.timeNs());
        }
        return changed;
    }

    private boolean replace(SessionMaker maker) {
        Session made;
        try {
            made = maker.make();
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            error = "cannot start: " + e.getMessage(); // the current session stays
            return true;
        }
        tap.detach();
        endRecording(null);
        session = made;
        state = RunnerState.PAUSED;
        error = null;
        rates.reset();
        stops.leave(session);
        return true;
    }

    /** Starts recording from time 0, or stops and keeps the script. */
    private boolean record(boolean on) {
        if (!(session instanceof LiveSession live)) {
            error = "only a live workload can be recorded (a script already is one)";
            return true;
        }
        if (!on) {
            endRecording(null);
            return true;
        }
        if (live.recording()) {
            return false;
        }
        Preset restart = live.preset().withSeed(live.simulation().seed()).withParams(live.simulation().nextParams());
        return replace(() -> new LiveSession(restart, true));
    }

    /** Stops a recording under way and publishes its script; {@code why} is told to the viewer. */
    private void endRecording(String why) {
        Recording done = Recording.takeFrom(session);
        if (done != null) {
            views.recorded(done);
            if (why != null) {
                error = why;
            }
        }
    }

    private void pause() {
        if (state == RunnerState.PLAYING) {
            state = RunnerState.PAUSED;
            session.paused();
        }
    }

    /** Plays one slice; stops at the end, or at a guided scenario's checkpoint to explain it. */
    private void play() {
        Checkpoint stop = stops.nextStop(session);
        switch (player.slice(session, stop)) {
            case ENDED -> {
                state = RunnerState.ENDED; // a script's end, or nothing left to run as fast as possible
                session.paused();
            }
            case AT_CHECKPOINT -> {
                stops.stopAt(stop);
                pause();
            }
            case GOES_ON -> {
            }
        }
    }

    private long publishIntervalNs() {
        return (tap.on() ? PUBLISH_INTERVAL_MS : FAST_PUBLISH_INTERVAL_MS) * 1_000_000L;
    }

    private void publish() {
        if (session instanceof LiveSession live && live.recordingEndedItself()) {
            endRecording("the recording stopped " + live.recordingEndedWhy()
                    + ": Save ▸ Recording as .pool keeps what it holds, which replays to that point");
        }
        tap.follow(session.tracer()); // a restore replaced the model
        lastPublish = clock.nanoTime();
        RunnerStatus status = new RunnerStatus(++serial, loads, state, error, pacing.speed(), tap.on(), tap.dropped(),
                rates.simPps(), rates.wallPps(), tap.current(), tap.calls(), stops.view(session), focus);
        views.publish(session.view(status));
    }
}
