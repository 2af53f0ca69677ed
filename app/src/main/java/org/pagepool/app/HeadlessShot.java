// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
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
        controller.seek(options.runForNs());
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                ModelView view = controller.view();
                if (failed(view)) {
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
                write();
            }
        }.start();
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
