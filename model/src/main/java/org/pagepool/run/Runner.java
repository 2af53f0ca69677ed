// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.jctools.queues.SpscArrayQueue;
import org.pagepool.trace.FunctionEnter;
import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.TraceEvent;
import org.pagepool.trace.TraceObserver;
import org.pagepool.trace.Tracer;

/**
 * Runs the model on its own worker thread, the only thread that touches it.
 *
 * <p>Threads: any thread may {@link #submit} commands (a JCTools MPSC queue,
 * applied between steps) and read {@link #latest()} (an immutable view,
 * replaced at most every {@value #PUBLISH_INTERVAL_MS} ms and after every
 * step command, never queued). One consumer thread drains the page events
 * with {@link #drainEvents} (a bounded JCTools SPSC queue: when the consumer
 * falls behind, events are dropped and counted, the worker never waits).
 * Nobody ever waits for the worker, and the worker never waits for anybody.
 *
 * <p>At high speed per-page events would drown any viewer, so the worker only
 * publishes them while stepping or while playing slowly enough
 * ({@link ModelView#eventsOn()} says which).
 */
public final class Runner implements AutoCloseable {
    static final int PUBLISH_INTERVAL_MS = 10;
    /** Events per wall second above which the stream is switched off while playing. */
    static final double MAX_EVENT_STEPS_PER_SECOND = 400;
    static final int EVENT_CAPACITY = 1 << 16;
    /** A step command stops after this many steps or this much simulated time if its unit never comes. */
    static final long MAX_STEP_STEPS = 50_000_000L;
    static final long MAX_STEP_NS = 60_000_000_000L;
    /** Wall time the worker runs the model before looking at its commands again. */
    private static final long SLICE_NS = 4_000_000L;
    /** A loaded script starts at two lines a second. */
    static final double SCRIPT_SPEED = 1.0;

    private final MpscUnboundedArrayQueue<RunnerCommand> commands = new MpscUnboundedArrayQueue<>(64);
    private final SpscArrayQueue<TraceEvent> events = new SpscArrayQueue<>(EVENT_CAPACITY);
    private final AtomicReference<ModelView> latest = new AtomicReference<>();
    private final Thread worker;
    private volatile boolean closing;
    private volatile long dropped;

    // ---- worker-thread state ----------------------------------------------------------------------------------
    private Session session;
    private RunnerState state = RunnerState.PAUSED;
    private String error;
    private double speed;
    private long serial;
    private long loads;
    private long lastPublish;
    private boolean eventsOn;
    private Tracer observedTracer;
    private KernelFunction current;
    /** The kernel functions the step under way has entered, in order, each once. */
    private final java.util.ArrayList<KernelFunction> stepCalls = new java.util.ArrayList<>();
    private List<KernelFunction> lastCalls = List.of();
    private boolean stepEnded = true;
    private long wallAnchor;
    private long simAnchor;
    private final Rates rates = new Rates();
    private final AtomicReference<Recording> recording = new AtomicReference<>();
    private boolean guided;
    private int nextStop;
    private org.pagepool.workload.Checkpoint stoppedAt;
    private final TraceObserver sink = TraceObserver.records(this::offer);

    /** Starts the worker on {@code initial}, paused. */
    public Runner(Session initial) {
        this.session = initial;
        this.speed = initial instanceof LiveSession live ? live.preset().speed() : SCRIPT_SPEED;
        publish();
        worker = new Thread(this::loop, "pagepool-model");
        worker.setDaemon(true);
        worker.start();
    }

    /** A runner for a workload preset. */
    public static Runner live(org.pagepool.workload.Preset preset) throws org.pagepool.pool.PoolCreateException {
        return new Runner(new LiveSession(preset));
    }

    /** A runner for a script. */
    public static Runner script(org.pagepool.script.Script script) {
        return new Runner(new ScriptSession(script));
    }

    // ---- any thread -------------------------------------------------------------------------------------------

    /** Queues a command for the worker; never blocks. */
    public void submit(RunnerCommand command) {
        commands.offer(command);
        LockSupport.unpark(worker);
    }

    /** The latest view (immutable). */
    public ModelView latest() {
        return latest.get();
    }

    /** A finished recording: a .pool script of the live run's pool calls. */
    public record Recording(String name, String script, long lines) {
    }

    /** The last recording that was stopped, or null (any thread). */
    public Recording recording() {
        return recording.get();
    }

    /** Events dropped because the consumer fell behind, since the start. */
    public long droppedEvents() {
        return dropped;
    }

    /** Single consumer thread only: hands up to {@code limit} queued events to {@code consumer}. */
    public int drainEvents(java.util.function.Consumer<TraceEvent> consumer, int limit) {
        return events.drain(consumer::accept, limit);
    }

    /**
     * Tells the worker to stop, without waiting: the worker (a daemon) checks
     * between slices and inside long seeks, so the caller, often the FX
     * thread, never waits for a model in the middle of something long.
     */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(worker);
    }

    // ---- the worker -------------------------------------------------------------------------------------------

    private void loop() {
        while (!closing) {
            try {
                boolean changed = applyCommands();
                boolean playing = state == RunnerState.PLAYING;
                if (playing) {
                    play();
                }
                long now = System.nanoTime();
                if (changed || state != RunnerState.PLAYING && playing
                        || playing && now - lastPublish >= PUBLISH_INTERVAL_MS * 1_000_000L) {
                    publish();
                }
                if (state != RunnerState.PLAYING) {
                    LockSupport.parkNanos(this, 50_000_000L);
                } else if (Double.isFinite(speed)) {
                    waitForNextStep();
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail(e);
            }
        }
    }

    private void fail(Throwable e) {
        state = RunnerState.ERROR;
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        error = "the model failed: " + e + (where != null ? " at " + where : "");
        try {
            publish();
        } catch (RuntimeException | Error again) {
            latest.set(null);
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
            guided = c.on();
            stoppedAt = null;
            findNextStop();
            return true;
        }
        if (command instanceof RunnerCommand.Record c) {
            return record(c.on());
        }
        if (state == RunnerState.ERROR) {
            return false; // only a load or a reset leaves the error state
        }
        if (command instanceof RunnerCommand.Play) {
            if (state != RunnerState.ENDED) {
                state = RunnerState.PLAYING;
                stoppedAt = null;
                anchor();
            }
            return true;
        }
        if (command instanceof RunnerCommand.Pause) {
            pause();
            return true;
        }
        if (command instanceof RunnerCommand.Speed c) {
            speed = c.factor() > 0 ? c.factor() : 1.0;
            anchor();
            return true;
        }
        if (command instanceof RunnerCommand.Step c) {
            pause();
            withEvents(() -> {
                long limit = session.timeNs() + MAX_STEP_NS;
                int result = session.run(MAX_STEP_STEPS, limit, c.unit().flags());
                if (result == Session.IDLE && session.finished()) {
                    state = RunnerState.ENDED;
                }
            });
            stoppedAt = null; // a checkpoint stepped past is behind us
            findNextStop();
            return true;
        }
        if (command instanceof RunnerCommand.StepBack c) {
            pause();
            detachEvents(); // replaying to the target is not news
            endRecording("going back ended the recording");
            long target = session.previousBoundary(session.position(), c.unit().flags());
            session.restore(target);
            if (state == RunnerState.ENDED) {
                state = RunnerState.PAUSED;
            }
            stoppedAt = null;
            findNextStop();
            return true;
        }
        if (command instanceof RunnerCommand.Seek c) {
            pause();
            detachEvents();
            if (c.timeNs() < session.timeNs()) {
                endRecording("going back ended the recording");
            }
            seek(c.timeNs());
            stoppedAt = null;
            findNextStop();
            return true;
        }
        if (command instanceof RunnerCommand.SetParam c) {
            String refused = session.set(c.param(), c.value());
            if (refused != null) {
                error = refused; // shown until the next successful change
            } else {
                error = null;
            }
            return true;
        }
        if (command instanceof RunnerCommand.Reload) {
            error = session.reload();
            return true;
        }
        return false;
    }

    /** Goes to a simulated time, back or forward; a new command or closing cuts a long way forward short. */
    private void seek(long target) {
        session.seek(target, () -> closing || !commands.isEmpty());
        if (state == RunnerState.ENDED && !session.finished()) {
            state = RunnerState.PAUSED;
        }
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
            speed = startSpeed;
            anchor();
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
        detachEvents();
        endRecording(null);
        session = made;
        state = RunnerState.PAUSED;
        error = null;
        current = null;
        stoppedAt = null;
        rates.reset();
        findNextStop();
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
        org.pagepool.workload.Preset restart = live.preset().withSeed(live.simulation().seed())
                .withParams(live.simulation().nextParams());
        return replace(() -> new LiveSession(restart, true));
    }

    /** Stops a recording under way and publishes its script; {@code why} is told to the viewer. */
    private void endRecording(String why) {
        if (session instanceof LiveSession live && (live.recording() || live.recordingEndedItself())) {
            long lines = live.recordedLines();
            String script = live.stopRecording();
            recording.set(new Recording(live.preset().name().replaceAll("\\.workload$", "") + ".pool", script,
                    lines));
            if (why != null) {
                error = why;
            }
        }
    }

    /** The next checkpoint not yet reached at the current position and time. */
    private void findNextStop() {
        List<org.pagepool.workload.Checkpoint> stops = checkpoints();
        nextStop = 0;
        while (nextStop < stops.size() && stops.get(nextStop).reached(session.position(), session.timeNs())) {
            nextStop++;
        }
    }

    private List<org.pagepool.workload.Checkpoint> checkpoints() {
        return session instanceof LiveSession live ? live.preset().checkpoints() : List.of();
    }

    private org.pagepool.workload.Checkpoint nextStop() {
        List<org.pagepool.workload.Checkpoint> stops = checkpoints();
        return guided && nextStop < stops.size() ? stops.get(nextStop) : null;
    }

    private void pause() {
        if (state == RunnerState.PLAYING) {
            state = RunnerState.PAUSED;
            session.paused();
        }
    }

    private void anchor() {
        wallAnchor = System.nanoTime();
        simAnchor = session.timeNs();
    }

    /** Runs the model for one slice of wall time at the set speed. */
    private void play() {
        long started = System.nanoTime();
        double stepsPerSecond = rates.measured() ? rates.stepsPerSimSecond() : session.expectedStepsPerSimSecond();
        boolean wantEvents = Double.isFinite(speed) && stepsPerSecond * speed < MAX_EVENT_STEPS_PER_SECOND;
        if (wantEvents != eventsOn) {
            if (wantEvents) {
                attachEvents();
            } else {
                detachEvents();
            }
        }
        long target;
        if (Double.isFinite(speed)) {
            target = simAnchor + (long) ((started - wallAnchor) * speed);
            if (target - session.timeNs() > 100_000_000L * speed) {
                anchor(); // the model cannot keep up: do not pile up a backlog
                target = session.timeNs() + (long) (SLICE_NS * speed);
            }
        } else {
            target = Long.MAX_VALUE;
        }
        org.pagepool.workload.Checkpoint stop = nextStop();
        if (stop != null && stop.timeNs() >= 0) {
            target = Math.min(target, stop.timeNs());
        }
        long chunk = eventsOn ? 1 : 4096;
        while (System.nanoTime() - started < SLICE_NS) {
            long steps = chunk;
            if (stop != null && stop.step() >= 0) {
                steps = Math.max(0, Math.min(chunk, stop.step() - session.position()));
            }
            if (stop != null && stop.reached(session.position(), session.timeNs())) {
                break;
            }
            int result = session.run(steps, target, 0);
            if (eventsOn && result >= 0) {
                offer(new StepDone(session.position(), result));
            }
            if (result == Session.LATER) {
                break;
            }
            if (result == Session.IDLE) {
                if (session.finished() || target == Long.MAX_VALUE) {
                    state = RunnerState.ENDED; // a script's end, or nothing left to run as fast as possible
                    session.paused();
                    return;
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
        rates.sample(System.nanoTime(), session);
        if (stop != null && stop.reached(session.position(), session.timeNs())) {
            stoppedAt = stop; // a guided scenario's checkpoint: pause and explain
            nextStop++;
            pause();
        }
    }

    /** Sleeps until the next step is due at the set speed (or a command arrives), at most 2 ms. */
    private void waitForNextStep() {
        long dueIn = (long) ((session.nextStepTime() - session.timeNs()) / speed);
        if (dueIn > 100_000) {
            LockSupport.parkNanos(this, Math.min(dueIn, 2_000_000L));
        }
    }

    /** Runs a step with the event stream on (a step is always animated); it stays on until play decides. */
    private void withEvents(Runnable stepping) {
        attachEvents();
        stepping.run();
        offer(new StepDone(session.position(), 0));
    }

    private void attachEvents() {
        Tracer tracer = session.tracer();
        if (observedTracer != tracer) {
            detachEvents();
            tracer.attach(sink);
            observedTracer = tracer;
        }
        eventsOn = true;
    }

    private void detachEvents() {
        if (observedTracer != null) {
            observedTracer.detach(sink);
            observedTracer = null;
        }
        eventsOn = false;
        current = null;
        lastCalls = List.of();
        stepEnded = true;
    }

    private void offer(TraceEvent event) {
        if (event instanceof FunctionEnter enter) {
            if (stepEnded) {
                stepCalls.clear();
                stepEnded = false;
            }
            if (stepCalls.size() < 16 && !stepCalls.contains(enter.function())) {
                stepCalls.add(enter.function());
            }
        } else if (event instanceof StepDone && !stepEnded) {
            lastCalls = List.copyOf(stepCalls);
            current = lastCalls.isEmpty() ? null : lastCalls.get(0); // the function the step called into
            stepEnded = true;
        }
        if (!events.relaxedOffer(event)) {
            dropped++;
        }
    }

    private void publish() {
        if (session instanceof LiveSession live && live.recordingEndedItself()) {
            endRecording("the recording ended: a .pool script holds one pool, and the driver reloaded");
        }
        if (eventsOn && observedTracer != session.tracer()) {
            attachEvents(); // a restore replaced the model: follow it
        }
        lastPublish = System.nanoTime();
        GuideView guide = new GuideView(guided, checkpoints(), nextStop, stoppedAt);
        RunnerStatus status = new RunnerStatus(++serial, loads, state, error, speed, eventsOn, dropped,
                rates.simPps(), rates.wallPps(), current, lastCalls, guide);
        latest.set(session.view(status));
    }
}
