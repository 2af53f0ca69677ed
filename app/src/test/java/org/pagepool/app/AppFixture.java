// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.pagepool.view.ModelView;
import org.pagepool.run.SyncRunner;
import org.pagepool.workload.Preset;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app in a TestFX stage, stepped by the test: the runner is a {@link SyncRunner} and the window's own
 * AnimationTimer does not run. A pulse, always on the FX thread, lets {@value #FRAME_MS} ms of wall time
 * pass: one runner tick, then one window pulse. {@link #await} pulses until a condition holds, so a test
 * never waits for a thread or for the clock, and runs the same on a fast machine and a slow one.
 */
abstract class AppFixture {
    /** Wall time one pulse stands for, on the runner's clock and the window's. */
    static final long FRAME_MS = 50;
    /** Pulses an await tries before it fails: 100 s of the app's time. */
    static final int MAX_PULSES = 2000;
    private static final long FRAME_NS = FRAME_MS * 1_000_000L;

    protected AppController controller;
    protected MainWindow window;
    protected SyncRunner runner;
    protected FakeDialogs dialogs = new FakeDialogs();
    protected Stage stage;
    private long frameNow;
    /** Whether {@link #openOnPrimaryStage} showed the stage (it is hidden after the test). */
    private boolean hideAfterTest;

    protected void open(Stage stage, double width, double height) throws Exception {
        this.stage = stage;
        Preset preset = Assets.preset(Assets.DEFAULT_PRESET);
        runner = SyncRunner.live(preset);
        controller = new AppController(preset, runner);
        window = new MainWindow(controller, dialogs, url -> { }, width, height, "light");
        stage.setScene(window.scene());
        stage.sizeToScene(); // the stage is shared by the test classes: one may have resized it
        stage.show();
        frameNow = System.nanoTime();
        pulse(); // the first frame
    }

    /**
     * Opens the window at {@code width}x{@code height} on TestFX's primary stage, from any thread; the stage
     * is hidden again after the test.
     */
    protected void openOnPrimaryStage(double width, double height) throws TimeoutException {
        Stage primary = FxToolkit.registerPrimaryStage();
        onFx(() -> {
            open(primary, width, height);
            primary.setWidth(width);
            primary.setHeight(height);
            return null;
        });
        hideAfterTest = true;
    }

    protected void close() {
        if (controller != null) {
            controller.close();
        }
    }

    /** After every test: the runner stops, and a stage this fixture showed is hidden. */
    @AfterEach
    void closeApp() throws TimeoutException {
        close();
        if (hideAfterTest) {
            FxToolkit.cleanupStages();
            hideAfterTest = false;
        }
    }

    /** FX thread only: one frame of the app (a runner tick, then the window's pulse). */
    private void pulse() {
        frameNow += FRAME_NS;
        runner.clock().advance(FRAME_NS);
        runner.tick();
        window.onPulse(frameNow);
    }

    /**
     * FX thread only: {@code windowPulses} frames of {@code frameNs} each, as a
     * real screen has them, with {@code ticks} runner ticks inside each frame
     * (the runner publishes its views on its own beat, as the live one does);
     * {@code afterEach} looks at the window after every frame.
     */
    protected void frames(int windowPulses, long frameNs, int ticks, Runnable afterEach) {
        onFx(() -> {
            for (int f = 0; f < windowPulses; f++) {
                for (int t = 0; t < ticks; t++) {
                    runner.clock().advance(frameNs / ticks);
                    runner.tick();
                }
                frameNow += frameNs;
                window.onPulse(frameNow);
                afterEach.run();
            }
            return null;
        });
    }

    /**
     * Pulses the app on the FX thread until {@code condition} (checked there) holds, then lays the window
     * out, as a real pulse would, so that the next click finds its target. Fails after {@value #MAX_PULSES}
     * pulses: a number of frames, not a deadline.
     */
    protected void await(String what, Callable<Boolean> condition) {
        boolean held = onFx(() -> {
            for (int i = 0; i < MAX_PULSES && !condition.call(); i++) {
                pulse();
            }
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
            return condition.call();
        });
        if (!held) {
            ModelView v = controller.view();
            throw new AssertionError("no " + what + " after " + MAX_PULSES + " frames; the last view: "
                    + (v == null ? "none" : v.state() + ", position " + v.position() + ", error " + v.error()));
        }
    }

    /** Runs {@code task} on the FX thread and returns its result (the wait is a safety net, not a measure). */
    static <T> T onFx(Callable<T> task) {
        try {
            return WaitForAsyncUtils.asyncFx(task).get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the FX thread did not answer", e);
        }
    }

    /** Opens {@code file} through {@code button}'s file dialog; returns the message the window then shows. */
    protected String openThroughDialog(FxRobot robot, Path file, String button) {
        dialogs.answers.add(file);
        robot.clickOn(button);
        await("the message", () -> window.notifications().isShowing());
        return window.notifications().getText();
    }

    protected ModelView view() {
        return controller.view();
    }

    protected String counter(FxRobot robot, String name) {
        Label label = robot.lookup("#counter-" + name).queryAs(Label.class);
        return label.getText();
    }

    protected void awaitCounter(FxRobot robot, String name, String value) {
        await(name + " = " + value, () -> value.equals(counter(robot, name)));
        assertThat(counter(robot, name)).isEqualTo(value);
    }
}
