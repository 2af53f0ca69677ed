// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.pagepool.run.ModelView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The app in a TestFX stage, with helpers to wait for what the asynchronous runner publishes. */
abstract class AppFixture {
    protected AppController controller;
    protected MainWindow window;
    protected FakeDialogs dialogs = new FakeDialogs();
    protected Stage stage;

    protected void open(Stage stage, double width, double height) throws Exception {
        this.stage = stage;
        controller = new AppController(Assets.preset(Assets.DEFAULT_PRESET));
        window = new MainWindow(controller, dialogs, url -> { }, width, height, "light");
        stage.setScene(window.scene());
        stage.show();
        window.start();
    }

    protected void close() {
        if (window != null) {
            window.stop();
        }
        if (controller != null) {
            controller.close();
        }
    }

    /** Waits (polling, with a deadline) until the condition holds on the FX thread's state. */
    protected static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
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
