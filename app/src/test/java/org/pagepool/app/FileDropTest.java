// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.Toolkit;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.event.Event;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagepool.app.view.EmittedCapture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Files dropped on the window open as a capture (or as the script or preset they are); bad ones are a message. */
@ExtendWith(ApplicationExtension.class)
class FileDropTest extends CaptureFixture {
    @Start
    void start(Stage stage) throws Exception {
        openForCaptures(stage);
    }

    /** A drop as the scene gets it from the platform: DRAG_DROPPED with a dragboard that holds {@code files}. */
    private boolean drop(FxRobot robot, List<Path> files) {
        boolean[] completed = {false};
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(Toolkit.getToolkit().createLocalClipboard());
            ClipboardContent content = new ClipboardContent();
            content.putFiles(files.stream().map(Path::toFile).toList());
            board.setContent(content);
            DragEvent event = new DragEvent(DragEvent.DRAG_DROPPED, board, 300, 300, 300, 300, TransferMode.COPY,
                    null, null, null);
            Event.fireEvent(window.scene().getRoot(), event);
            completed[0] = event.isDropCompleted();
        });
        return completed[0];
    }

    @Test
    void aCaptureDirectoryDroppedOnTheWindowOpensInTheRealSystemTab(FxRobot robot) {
        EmittedCapture.emit(dir, "10-driver-leak", "trace", "ethtool", "netlink");
        assertThat(drop(robot, List.of(dir))).isTrue();
        await("the capture", () -> window.side().capture().tiles().grid() != null);
        assertThat(window.side().tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Real system");
        assertThat(window.side().capture().diagnosisLines()).anyMatch(line -> line.contains("put_page()"));
        assertThat(window.side().capture().leaks().table().getItems()).hasSize(100);
    }

    @Test
    void filesDroppedTogetherAreOneCapture(FxRobot robot) {
        List<Path> files = EmittedCapture.emit(dir, "09-unload-stall", "trace", "netlink");
        robot.interact(() -> window.openDropped(files)); // the drop handler's own call
        await("the capture", () -> window.side().capture().tiles().grid() != null);
        assertThat(window.side().capture().tiles().grid().count()).as("the trace's pool and netlink's: one")
                .isEqualTo(1);
    }

    @Test
    void aMalformedDroppedFileIsItsFileLineMessage(FxRobot robot) throws Exception {
        Path bad = dir.resolve("trace.txt");
        Files.writeString(bad, "          <idle>-0       [000] ..s1.   100.000000: page_pool_state_hold:"
                + " page_pool=00000000c0ffee01 page=000000005a5a0001 pfn=0x1000 hold=1\n"
                + "          <idle>-0       [000] ..s1.   100.000001: page_pool_state_hold:"
                + " page_pool=zz page=0 pfn=0xq hold=x\n");
        assertThat(drop(robot, List.of(bad))).isTrue();
        await("the message", () -> window.notifications().isShowing());
        assertThat(window.notifications().getText()).startsWith(bad + ":2: ");
        assertThat(window.side().capture().tiles().grid()).as("nothing shown").isNull();
    }

    @Test
    void aDroppedPresetOrScriptOpensAsItsMenuDoes(FxRobot robot) throws Exception {
        Path preset = Path.of("..", "assets", "scenarios", "09-unload-stall.workload");
        assertThat(drop(robot, List.of(preset))).isTrue();
        await("09 loaded", () -> view().live() && view().source().contains("09-unload-stall"));
        Path script = Path.of(getClass().getResource("/golden/03-ring-size4.pool").toURI());
        assertThat(drop(robot, List.of(script))).isTrue();
        await("the script loaded", () -> !view().live() && view().source().contains("03-ring-size4.pool"));
    }

    @Test
    void whatADropOpensIsToldByItsName() throws Exception {
        assertThat(FileDrop.kindOf(List.of(Path.of("a.pool")))).isEqualTo(FileDrop.Kind.SCRIPT);
        assertThat(FileDrop.kindOf(List.of(Path.of("A.WORKLOAD")))).isEqualTo(FileDrop.Kind.PRESET);
        assertThat(FileDrop.kindOf(List.of(Path.of("trace.txt")))).isEqualTo(FileDrop.Kind.CAPTURE);
        assertThat(FileDrop.kindOf(List.of(Path.of("a.pool"), Path.of("b.pool")))).as("several: a capture")
                .isEqualTo(FileDrop.Kind.CAPTURE);
        Path folder = Files.createDirectory(dir.resolve("x.pool"));
        assertThat(FileDrop.kindOf(List.of(folder))).as("a directory: a capture").isEqualTo(FileDrop.Kind.CAPTURE);
        assertThat(new File(folder.toString()).isDirectory()).isTrue();
    }
}
