// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagepool.view.RunnerState;
import org.testfx.api.FxRobot;

/** The teaching features as a teacher uses them: guided predict mode, recording, exports, the cost panel. */
class TeachingFeaturesTest extends WindowFixture {
    @TempDir
    Path dir;

    private void clickMenu(FxRobot robot, String item) {
        robot.clickOn("#save");
        robot.clickOn(item);
    }

    @Test
    void predictModeAsksThenExplainsThenGoesOn(FxRobot robot) {
        robot.clickOn("Scenario");
        robot.clickOn("#guided");
        robot.clickOn("#predict");
        robot.clickOn("#play");
        await("the first checkpoint", () -> view().guide().stoppedAt() != null);
        assertThat(view().state()).isEqualTo(RunnerState.PAUSED);
        await("the question", () -> robot.lookup("#choice-0").tryQuery().isPresent());
        assertThat(robot.lookup("#question").queryAs(Label.class).getText()).contains("next allocation");
        assertThat(robot.lookup("#continue").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#allocCache").query().getStyleClass()).contains("highlight");
        robot.clickOn("#choice-2"); // "the page allocator": not quite
        assertThat(robot.lookup("#verdict").queryAs(Label.class).getText()).startsWith("Not quite")
                .contains("the alloc cache");
        assertThat(robot.lookup("#explanation").queryAs(Label.class).getText()).contains("bulk of 64 pages");
        robot.interact(() -> window.controls().speed.setValue(100)); // as fast as possible to the next one
        robot.clickOn("#continue");
        await("the second checkpoint", () -> view().guide().stoppedAt() != null && view().guide().next() == 2);
        assertThat(robot.lookup("#counter-fast").query().getStyleClass()).contains("highlight");
    }

    @Test
    void aRecordingIsSavedOpenedAndSteppedToTheLiveCounters(FxRobot robot) throws Exception {
        robot.clickOn("#record");
        await("recording", () -> view().recordedLines() >= 0);
        robot.interact(() -> controller.seek(2_000_000L));
        await("2 ms", () -> view().timeNs() >= 2_000_000L);
        var live = view();
        robot.clickOn("#record");
        await("stopped", () -> view().recordedLines() < 0 && controller.recording() != null);
        Path file = dir.resolve("run.pool");
        dialogs.answers.add(file);
        clickMenu(robot, "Recording as .pool…");
        assertThat(file).exists();
        dialogs.answers.add(file);
        robot.clickOn("#openScript");
        await("the script", () -> view().script() != null);
        robot.interact(() -> controller.setSpeed(Double.POSITIVE_INFINITY));
        robot.interact(controller::play);
        await("its end", () -> view().state() == RunnerState.ENDED || view().state() == RunnerState.ERROR);
        assertThat(view().error()).isNull();
        assertThat(view().currentPool().stats()).isEqualTo(live.currentPool().stats());
        assertThat(view().currentPool().hold()).isEqualTo(live.currentPool().hold());
    }

    @Test
    void theCountersExportAsCsvASpreadsheetCanRead(FxRobot robot) throws Exception {
        robot.interact(() -> window.controls().speed.setValue(100));
        robot.clickOn("#play");
        await("some rows", () -> window.history().size() > 5);
        robot.clickOn("#play");
        Path csv = dir.resolve("counters.csv");
        dialogs.answers.add(csv);
        clickMenu(robot, "Counters as CSV…");
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        assertThat(header).contains("time_s", "fast", "ring_full", "released_refcnt", "inflight", "rx_missed");
        double lastTime = -1;
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split(",");
            assertThat(cells).hasSameSizeAs(header);
            double time = Double.parseDouble(cells[0]);
            assertThat(time).isGreaterThanOrEqualTo(lastTime);
            lastTime = time;
            int queue = List.of(header).indexOf("queue");
            assertThat(cells[queue]).as("one queue: the total row only").isEqualTo("total");
            for (int i = 1; i < cells.length; i++) {
                if (i != queue && !cells[i].isEmpty()) { // a blank: no such value in this row (the total's CPU)
                    Long.parseLong(cells[i]);
                }
            }
        }
        assertThat(lines).hasSizeGreaterThan(5);
    }

    @Test
    void theWindowExportsAsAPngAnImageViewerCanRead(FxRobot robot) throws Exception {
        Path png = dir.resolve("window.png");
        dialogs.answers.add(png);
        clickMenu(robot, "Window as PNG…");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
    }

    @Test
    void aScriptTraceExportsAsText(FxRobot robot) throws Exception {
        Path script = Path.of(getClass().getResource("/golden/01-spec-example.pool").toURI());
        dialogs.answers.add(script);
        robot.clickOn("#openScript");
        await("the script", () -> view().script() != null);
        robot.interact(() -> controller.setSpeed(Double.POSITIVE_INFINITY));
        robot.interact(controller::play);
        await("its end", () -> view().state() == RunnerState.ENDED);
        Path out = dir.resolve("trace.txt");
        dialogs.answers.add(out);
        clickMenu(robot, "Script trace as text…");
        assertThat(Files.readAllLines(out))
                .isEqualTo(Files.readAllLines(script.resolveSibling("01-spec-example.trace")));
    }

    @Test
    void aFailedWriteIsAMessageAndLosesNothing(FxRobot robot) throws Exception {
        Path plain = dir.resolve("a-file");
        Files.writeString(plain, "x");
        Path impossible = plain.resolve("counters.csv"); // its parent is a regular file
        int rows = window.history().size();
        dialogs.answers.add(impossible);
        clickMenu(robot, "Counters as CSV…");
        await("the message", () -> window.notifications().isShowing());
        assertThat(window.notifications().getText()).startsWith("cannot write " + impossible)
                .contains("nothing was lost");
        assertThat(window.history().size()).isGreaterThanOrEqualTo(rows);
        Path fine = dir.resolve("counters.csv");
        dialogs.answers.add(fine);
        clickMenu(robot, "Counters as CSV…");
        assertThat(fine).exists();
    }

    @Test
    void overwritingAsksAndANoKeepsTheFile(FxRobot robot) throws Exception {
        Path png = dir.resolve("keep.png");
        Files.writeString(png, "mine");
        dialogs.overwrite = false;
        dialogs.answers.add(png);
        clickMenu(robot, "Window as PNG…");
        assertThat(dialogs.overwriteAsked).isEqualTo(1);
        assertThat(Files.readString(png)).isEqualTo("mine");
    }

    @Test
    void theCostPanelEstimatesTheCurrentFlow(FxRobot robot) {
        robot.clickOn("Cost");
        robot.interact(() -> window.controls().speed.setValue(100));
        robot.clickOn("#play");
        await("an estimate", () -> window.side().cost().estimate() != null);
        robot.clickOn("#play");
        assertThat(robot.lookup("#costMpps").queryAs(Label.class).getText()).endsWith("Mpps on one core");
        assertThat(window.side().cost().estimate().totalNs()).isGreaterThan(30).isLessThan(200);
    }
}
