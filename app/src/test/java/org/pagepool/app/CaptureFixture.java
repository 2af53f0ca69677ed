// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The window at 1280x720 with captures imported on the test's own thread, and a folder for the files. */
abstract class CaptureFixture extends AppFixture {
    @TempDir
    Path dir;

    /** For the test class's own {@code @Start} (TestFX looks for it there, not here). */
    void openForCaptures(Stage stage) throws Exception {
        open(stage, 1280, 720);
        controller.setCaptureExecutors(Runnable::run, Runnable::run);
    }

    @AfterEach
    void stop() {
        close();
    }
}
