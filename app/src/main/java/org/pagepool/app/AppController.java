// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.run.ModelRunner;
import org.pagepool.view.ModelView;
import org.pagepool.run.Recording;
import org.pagepool.run.Runner;
import org.pagepool.run.RunnerCommand;
import org.pagepool.run.StepDone;
import org.pagepool.view.RunnerState;
import org.pagepool.run.Unit;
import org.pagepool.script.Script;
import org.pagepool.script.ScriptFiles;
import org.pagepool.script.ScriptSyntaxError;
import org.pagepool.trace.PageMove;
import org.pagepool.trace.TraceEvent;
import org.pagepool.workload.Param;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;

/**
 * What the window does, apart from how it looks: it owns the runner, turns
 * the user's actions into commands, and once per pulse takes the runner's
 * latest view and its page events. Bad input (a malformed preset or script,
 * a missing file) becomes a message in the window; the run in progress
 * stays. FX thread only; it never waits for the runner.
 */
public final class AppController implements AutoCloseable {
    /** Events taken from the runner per pulse at most: a frame must not drown in them. */
    static final int EVENTS_PER_PULSE = 4096;
    /** Events held for a view at most. */
    static final int HELD_AT_MOST = 8 * EVENTS_PER_PULSE;

    private final ModelRunner runner;
    private final ReadOnlyObjectWrapper<ModelView> view = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final List<PageMove> moves = new ArrayList<>();
    /**
     * Events taken from the runner whose step the latest view does not show
     * yet (views come every few ms of play, events at once): a page flies
     * only once the regions show where it went, so it is never drawn at its
     * old place and in flight at the same time.
     */
    private final ArrayDeque<TraceEvent> held = new ArrayDeque<>();
    /** The position of the view the held events were taken against (a smaller one: the run went back). */
    private long heldPosition;
    /** The live run's preset as the runner last showed it (kept while a script is open). */
    private Preset preset;
    private long adoptedLoads;
    private Unit unit = Unit.KERNEL_CALL;
    private double speed;
    private long pendingSteps;
    /** The queue asked for last. */
    private int focus;
    private CaptureLoader captures = new CaptureLoader(
            command -> new Thread(command, "pagepool-import").start(), Platform::runLater);

    /** A controller on a runner of its own, on its own thread, for {@code initial}. */
    public AppController(Preset initial) throws PoolCreateException {
        this(initial, Runner.live(initial));
    }

    /** A controller on {@code runner}, which was started on {@code initial} (tests give a {@code SyncRunner}). */
    public AppController(Preset initial, ModelRunner runner) {
        this.preset = initial;
        this.runner = runner;
        speed = initial.speed(); // the runner starts at the preset's speed
        view.set(runner.latest());
    }

    public ReadOnlyObjectProperty<ModelView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public ModelView view() {
        return view.get();
    }

    /** The last message for the user (an error in a file they opened), "" for none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void clearMessage() {
        message.set("");
    }

    void tell(String text) {
        message.set(text);
    }

    /** Something went as asked (a file saved): said quietly, apart from the errors. */
    void done(String text) {
        notice.set("");
        notice.set(text);
    }

    /** The last thing done for the user (e.g. "saved out.png"), shown quietly; "" for none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The preset of the live run (also kept while a script is open); it changes when the runner loaded another. */
    public Preset preset() {
        return preset;
    }

    // ---- the user's actions -----------------------------------------------------------------------------------

    public void playPause() {
        ModelView v = view();
        if (v != null && v.state() == RunnerState.PLAYING) {
            runner.submit(new RunnerCommand.Pause());
        } else {
            runner.submit(new RunnerCommand.Play());
        }
    }

    public void play() {
        runner.submit(new RunnerCommand.Play());
    }

    public void pause() {
        runner.submit(new RunnerCommand.Pause());
    }

    /** One unit forward; while the previous step is still animating it waits its turn. */
    public void step(boolean animating) {
        if (animating) {
            pendingSteps++;
        } else {
            runner.submit(new RunnerCommand.Step(unit));
        }
    }

    public void stepBack() {
        pendingSteps = 0;
        runner.submit(new RunnerCommand.StepBack(unit));
    }

    /** Called when an animation finished: a waiting step goes now. */
    void animationDone() {
        if (pendingSteps > 0) {
            pendingSteps--;
            runner.submit(new RunnerCommand.Step(unit));
        }
    }

    /** Looks at RX queue {@code queue} in detail (the device, cache, ring and flows become its). */
    public void focus(int queue) {
        ModelView v = view();
        focus = v == null ? queue : Math.max(0, Math.min(queue, v.queues().count() - 1));
        runner.submit(new RunnerCommand.Focus(focus));
    }

    /**
     * Focuses the queue {@code delta} after the one asked for last (keys
     * pressed faster than views come each count), round the NIC's queues.
     */
    public void focusBy(int delta) {
        ModelView v = view();
        if (v != null && v.queues().count() > 1) {
            focus(Math.floorMod(focus + delta, v.queues().count()));
        }
    }

    public Unit unit() {
        return unit;
    }

    public void setUnit(Unit newUnit) {
        unit = newUnit;
    }

    public double speed() {
        return speed;
    }

    public void setSpeed(double factor) {
        speed = factor;
        runner.submit(new RunnerCommand.Speed(factor));
    }

    public void seek(long timeNs) {
        runner.submit(new RunnerCommand.Seek(timeNs));
    }

    public void reset(long seed) {
        runner.submit(new RunnerCommand.Reset(seed));
    }

    public void reload() {
        runner.submit(new RunnerCommand.Reload());
    }

    /** Stops at the preset's checkpoints while playing, or not. */
    public void guide(boolean on) {
        runner.submit(new RunnerCommand.Guide(on));
    }

    /** Starts recording (the run starts again from time 0) or stops it. */
    public void record(boolean on) {
        runner.submit(new RunnerCommand.Record(on));
    }

    /** The last recording stopped, or null. */
    public Recording recording() {
        return runner.recording();
    }

    public void setParam(Param param, double value) {
        runner.submit(new RunnerCommand.SetParam(param, value));
    }

    /**
     * Starts a preset. The run in progress stays until the runner has
     * loaded it; the preset and its speed are adopted from the first view
     * that shows it (a preset the model cannot start is reported instead).
     */
    public void loadPreset(Preset chosen) {
        clearMessage();
        runner.submit(new RunnerCommand.LoadPreset(chosen));
    }

    /** Opens a preset file; a bad one is reported and the current run stays. */
    public boolean openPreset(Path file) {
        try {
            loadPreset(PresetFiles.load(file, file.toString()));
            return true;
        } catch (PresetFiles.BadPreset e) {
            tell(e.located());
            return false;
        }
    }

    /** Opens a script to step through; a bad one is reported and the current run stays. */
    /** Imports a real machine's capture in the background; {@code show} gets it on the FX thread when done. */
    void openCapture(Path file, Consumer<CaptureLoader.Loaded> show) {
        openCapture(file, show, failed -> { });
    }

    /** As above; {@code failed} gets an import that failed, after the status line has told its error. */
    void openCapture(Path file, Consumer<CaptureLoader.Loaded> show, Consumer<CaptureLoader.Loaded> failed) {
        openCapture(List.of(file), share -> { }, show, failed);
    }

    /**
     * As above, for one file or directory or several files read as one capture, with the share read so far
     * told to {@code progress}; the handle returned cancels the import.
     */
    Runnable openCapture(List<Path> files, DoubleConsumer progress, Consumer<CaptureLoader.Loaded> show,
                         Consumer<CaptureLoader.Loaded> failed) {
        return captures.load(files, progress, loaded -> {
            if (loaded.error() != null) {
                tell(loaded.error());
                failed.accept(loaded);
            } else {
                show.accept(loaded);
            }
        });
    }

    /** Where imports run and deliver (tests: on the caller's thread). */
    void setCaptureExecutors(Executor work, Executor fx) {
        captures = new CaptureLoader(work, fx);
    }

    public boolean openScript(Path file) {
        String name = file.toString();
        try {
            Script script = ScriptFiles.load(file, name);
            clearMessage();
            runner.submit(new RunnerCommand.LoadScript(script));
            return true;
        } catch (ScriptFiles.UnreadableFile e) {
            tell(name + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
        } catch (ScriptSyntaxError e) {
            tell(name + ":" + e.line() + ": " + e.getMessage());
        }
        return false;
    }

    // ---- once per pulse -------------------------------------------------------------------------------------

    /**
     * Takes the latest view and the page events since the last pulse.
     * Returns the page moves to animate: those of the steps the view shows
     * (empty at high speed, where the runner publishes none).
     */
    public List<PageMove> pulse() {
        ModelView latest = runner.latest();
        if (latest != null && latest != view.get()) {
            adopt(latest);
            view.set(latest);
        }
        moves.clear();
        runner.drainEvents(held::add, EVENTS_PER_PULSE);
        release(view.get());
        return moves;
    }

    /** Hands out the held events up to the last step that {@code shown} includes; the rest wait for their view. */
    private void release(ModelView shown) {
        if (shown == null) {
            return;
        }
        if (shown.position() < heldPosition) {
            held.clear(); // the run went back or started again: those steps are not shown any more
        }
        heldPosition = shown.position();
        int last = -1;
        int i = 0;
        for (TraceEvent e : held) {
            if (e instanceof StepDone done && done.position() <= shown.position()) {
                last = i;
            }
            i++;
        }
        for (int k = 0; k <= last; k++) {
            take(held.poll());
        }
        while (held.size() > HELD_AT_MOST) {
            held.poll(); // a view that never comes: the oldest go, as the runner drops what the window cannot take
        }
    }

    /** Follows what the runner loaded: its preset, and the speed a new load starts at. */
    private void adopt(ModelView latest) {
        if (latest.loads() != adoptedLoads) {
            adoptedLoads = latest.loads();
            speed = latest.speed();
            pendingSteps = 0;
        }
        if (latest.preset() != null) {
            preset = latest.preset();
        }
    }

    private void take(TraceEvent event) {
        if (event instanceof PageMove move) {
            moves.add(move);
        }
    }

    ModelRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
    }
}
