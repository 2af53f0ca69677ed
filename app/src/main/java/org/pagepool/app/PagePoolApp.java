// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.pagepool.run.SyncRunner;
import org.pagepool.workload.Preset;

/**
 * The JavaFX application: one window on a preset (the default, or the one
 * given), or the headless modes (a screenshot, a frame-pacing measurement)
 * that {@link Launcher} set up.
 */
public final class PagePoolApp extends Application {
    /** Set by the launcher before {@code launch}: JavaFX constructs the application itself. */
    static volatile AppOptions options = new AppOptions(null, null, false, 0, null, 1280, 720, 0, "light",
            100, null, null);
    /** The exit status a headless mode ends with. */
    static volatile int exitStatus;

    private AppController controller;
    private MainWindow window;

    @Override
    public void start(Stage stage) throws Exception {
        AppOptions o = options;
        Preset preset = o.preset() == null ? Assets.preset(Assets.DEFAULT_PRESET)
                : Assets.presetFileOrAsset(o.preset());
        SyncRunner gifRunner = o.gifMode() ? SyncRunner.live(preset) : null; // a GIF steps the model itself
        controller = gifRunner != null ? new AppController(preset, gifRunner) : new AppController(preset);
        window = new MainWindow(controller, new FxFileDialogs(), url -> getHostServices().showDocument(url),
                o.width(), o.height(), o.theme());
        window.setScale(o.scale());
        stage.setScene(window.scene());
        stage.setTitle("PagePool Visualizer — " + preset.title());
        stage.setMinWidth(1024);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> controller.close());
        if (gifRunner != null) {
            new HeadlessGif(controller, gifRunner, window, stage, o.gif(),
                    o.preset() == null ? Assets.DEFAULT_PRESET : o.preset(), System.out::println, System.err::println,
                    PagePoolApp::finish).begin();
            return;
        }
        window.start();
        if (o.screenshotMode()) {
            new HeadlessShot(controller, window, stage, o).begin();
            return;
        }
        if (o.capture() != null) {
            window.openCapture(Path.of(o.capture()), loaded -> { });
        }
        stage.show();
        if (o.measureFrames() > 0) {
            new FrameMeter(controller, window, o.measureFrames()).begin();
        }
        if (o.script() != null && !controller.openScript(Path.of(o.script()))) {
            // as a bad --preset does: the command line named a file the app cannot open
            System.err.println("error: " + controller.messageProperty().get());
            finish(2);
        }
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.close();
        }
    }

    /** Ends a headless mode with {@code status}. */
    static void finish(int status) {
        exitStatus = status;
        Platform.exit();
    }
}
