// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The {@link AppFixture} window, opened on TestFX's stage before every test
 * (1280x720 unless the test class asks for another size) and stopped after
 * it; the tests take an {@code FxRobot} parameter to drive it.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowFixture extends AppFixture {
    private final double width;
    private final double height;

    WindowFixture() {
        this(1280, 720);
    }

    WindowFixture(double width, double height) {
        this.width = width;
        this.height = height;
    }

    @BeforeEach
    void openWindow() throws Exception {
        Stage primary = FxToolkit.registerPrimaryStage();
        onFx(() -> {
            open(primary, width, height);
            return null;
        });
    }
}
