// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.pagepool.cli.Progress;
import org.pagepool.view.ModelView;
import org.pagepool.view.RunnerState;

/**
 * {@code --headless --run-for S --screenshot OUT.png}: runs the preset to
 * that simulated time, lets the window draw it, writes the PNG and exits.
 * With {@code --capture PATH} instead: imports the capture, shows it in the
 * Real system tab, and writes the window once it has drawn.
 */
final class HeadlessShot {
    private final AppController controller;
    private final MainWindow window;
    private final Stage stage;
    private final AppOptions options;
    private int settledPulses;
    /** The end of the piece of the run the runner is on: the run goes in pieces, so that its progress shows. */
    private long seekingTo;
    /** The next piece's length: doubled while a piece takes under a quarter of a second. */
    private long pieceNs = FIRST_PIECE_NS;
    private long pieceStarted;
    private static final long FIRST_PIECE_NS = 1_000_000;
    private static final long QUICK_PIECE_NS = 250_000_000;
    /** A long run's progress on a terminal, as the command line's {@code workload} shows it. */
    private final Progress progress = Progress.onTerminal();

    HeadlessShot(AppController controller, MainWindow window, Stage stage, AppOptions options) {
        this.controller = controller;
        this.window = window;
        this.stage = stage;
        this.options = options;
    }

    void begin() {
        stage.show();
        if (options.capture() != null) {
            window.openCapture(Path.of(options.capture()), loaded -> {
                if (loaded.error() != null) {
                    System.err.println("error: " + loaded.error());
                    PagePoolApp.finish(2);
                } else {
                    afterPulses(this::write);
                }
            });
            return;
        }
        progress.start();
        seekOn();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                ModelView view = controller.view();
                if (view != null && view.timeNs() < options.runForNs()) {
                    progress.update(view.timeNs(), options.runForNs(), view.nic() == null ? 0 : view.nic().rxPackets(),
                            (double) view.timeNs() / options.runForNs());
                    if (view.timeNs() >= seekingTo && !failed(view)) {
                        seekOn();
                    }
                }
                if (failed(view)) {
                    progress.clear();
                    stop(); // the model failed on the way: say why instead of waiting forever
                    String preset = options.preset() == null ? Assets.DEFAULT_PRESET : options.preset();
                    System.err.println("error: " + preset + ": " + view.error());
                    PagePoolApp.finish(2);
                    return;
                }
                if (view == null || view.timeNs() < options.runForNs()) {
                    return;
                }
                if (++settledPulses < 3) {
                    return; // let the regions draw the final view
                }
                stop();
                progress.clear();
                write();
            }
        }.start();
    }

    /**
     * Seeks on to the end of the next piece of the run (each seek runs to its
     * time in one go, without a view on the way; a run in pieces ends where
     * one seek to the end would, every step up to it done).
     */
    private void seekOn() {
        long now = System.nanoTime();
        if (seekingTo > 0 && now - pieceStarted < QUICK_PIECE_NS) {
            pieceNs = Math.min(2 * pieceNs, Long.MAX_VALUE / 4);
        }
        pieceStarted = now;
        seekingTo = options.runForNs() - seekingTo <= pieceNs ? options.runForNs() : seekingTo + pieceNs;
        controller.seek(seekingTo);
    }

    /**
     * True when a headless run cannot go on: the model failed, or the heap
     * ran out and the run went back to its start, paused, with a message
     * (nothing else pauses a headless run with one).
     */
    static boolean failed(ModelView view) {
        return view != null && (view.state() == RunnerState.ERROR
                || view.state() == RunnerState.PAUSED && view.error() != null);
    }

    /** Runs {@code then} once the window has drawn a few frames (layout and canvases settle). */
    private static void afterPulses(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses >= 3) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    private void write() {
        Path out = Path.of(options.screenshot());
        try {
            Screenshots.write(window.scene(), out);
            System.out.println("wrote " + out);
            PagePoolApp.finish(0);
        } catch (IOException e) {
            System.err.println("error: " + out + ": cannot write: " + Exports.reason(e));
            PagePoolApp.finish(2);
        }
    }
}
