// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.pagepool.app.gif.GifEncoder;
import org.pagepool.app.gif.GifRecorder;
import org.pagepool.app.gif.GifRequest;
import org.pagepool.cli.Progress;
import org.pagepool.view.ModelView;
import org.pagepool.run.SyncRunner;

/**
 * {@code --headless --gif OUT.gif --run-for S}: plays the preset at the
 * chosen speed and records the window as it animates, frame by frame. The
 * runner is a {@link SyncRunner} and the window's pulses are driven here on
 * a manual clock (a pulse every {@value #PULSE_MS} ms or so of the GIF's
 * time, the runner's ticks between them), so the GIF is the same on a fast
 * machine and a slow one, and a page's flight spans the frames it would on
 * screen. FX thread only.
 */
final class HeadlessGif {
    /** The window's pulse at most this far apart, as on a screen (tokens fly smoothly between frames). */
    static final long PULSE_MS = 20;

    private final AppController controller;
    private final SyncRunner runner;
    private final MainWindow window;
    private final Stage stage;
    private final GifRequest request;
    private final String presetName;
    private final Consumer<String> out;
    private final Consumer<String> err;
    private final IntConsumer finish;
    private long now;
    /** A long export's progress on a terminal: a GIF of minutes takes as long to record. */
    private final Progress progress = Progress.onTerminal();
    /** The simulated time the GIF starts at. */
    private long startedAtNs;

    /**
     * An export of {@code request}; it prints its one line to {@code out}
     * (or an error to {@code err}) and ends with {@code finish}'s exit status.
     */
    HeadlessGif(AppController controller, SyncRunner runner, MainWindow window, Stage stage, GifRequest request,
                String presetName, Consumer<String> out, Consumer<String> err, IntConsumer finish) {
        this.controller = controller;
        this.runner = runner;
        this.window = window;
        this.stage = stage;
        this.request = request;
        this.presetName = presetName;
        this.out = out;
        this.err = err;
        this.finish = finish;
    }

    void begin() {
        stage.show();
        GifRecorder recorder;
        try {
            recorder = start();
        } catch (IOException e) {
            err.accept("error: " + request.file() + ": cannot write: " + Exports.reason(e));
            finish.accept(2);
            return;
        }
        if (recorder == null) {
            return;
        }
        long frameNs = 1_000_000_000L / request.fps();
        progress.start();
        int pulses = (int) Math.max(1, Math.ceil(frameNs / (PULSE_MS * 1e6)));
        long pulseNs = frameNs / pulses;
        new AnimationTimer() {
            @Override
            public void handle(long ignored) {
                for (int i = 0; i < pulses; i++) { // one GIF frame per real pulse: the FX thread stays responsive
                    if (!recorder.pulse(now)) {
                        stop();
                        return;
                    }
                    if (failed()) {
                        recorder.cancel();
                        stop();
                        return;
                    }
                    runner.runFor(pulseNs);
                    now += pulseNs;
                    window.onPulse(now);
                }
                progress.update(() -> state(now, frameNs), (double) now / request.lengthNs());
            }
        }.start();
    }

    /** Goes to the start, plays at the speed asked for, draws the first frame and starts recording. */
    private GifRecorder start() throws IOException {
        if (request.fromNs() > 0) {
            controller.seek(request.fromNs());
            runner.tick(); // alone: a seek gives way to the commands queued behind it
        }
        ModelView from = runner.latest();
        startedAtNs = from == null ? 0 : from.timeNs();
        if (!Double.isNaN(request.speed())) {
            controller.setSpeed(request.speed());
        }
        controller.play();
        runner.tick();
        now = 0;
        window.onPulse(now);
        if (failed()) {
            return null;
        }
        window.scene().getRoot().applyCss();
        window.scene().getRoot().layout();
        window.onPulse(now); // the regions draw at their laid-out size
        return GifRecorder.start(window.scene(), request.region(), request.fps(), request.lengthNs(),
                Path.of(request.file()), Runnable::run, Runnable::run, this::done);
    }

    /** What the progress line says: the frames recorded so far, and where the simulation is. */
    private String state(long atNs, long frameNs) {
        long frames = (request.lengthNs() + frameNs - 1) / frameNs;
        ModelView view = controller.view();
        return String.format(Locale.ROOT, "%s: frame %,d of %,d, simulated %s", request.file(),
                Math.min(frames, atNs / frameNs + 1), frames, simulated(view == null ? 0 : view.timeNs()));
    }

    /** True (and the app on its way out) if the model failed: say why instead of recording it. */
    private boolean failed() {
        ModelView view = controller.view();
        if (!HeadlessShot.failed(view)) {
            return false;
        }
        progress.clear();
        err.accept("error: " + presetName + ": " + view.error());
        finish.accept(2);
        return true;
    }

    private void done(GifRecorder.Result result) {
        progress.clear();
        if (result.error() != null) {
            err.accept("error: " + request.file() + ": cannot write: " + result.error());
            finish.accept(2);
            return;
        }
        GifEncoder.Summary s = result.summary();
        ModelView view = controller.view();
        out.accept(String.format(Locale.ROOT, "wrote %s: %d frames, %.1f s, %d KiB (simulated %s to %s)", s.file(),
                s.frames(), s.millis() / 1000.0, (s.bytes() + 1023) / 1024, simulated(startedAtNs),
                simulated(view.timeNs())));
        finish.accept(0);
    }

    private static String simulated(long ns) {
        return ns < 1_000_000 ? String.format(Locale.ROOT, "%.1f µs", ns / 1e3)
                : String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
    }
}
