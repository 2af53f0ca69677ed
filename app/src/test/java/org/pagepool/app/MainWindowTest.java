// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagepool.app.view.SpeedScale;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.Param;
import org.testfx.api.FxRobot;

/** The window as a user drives it: headless (Monocle), through its controls and keys. */
class MainWindowTest extends WindowFixture {
    @TempDir
    Path dir;

    @Test
    void theMainNodesHaveTheirIds(FxRobot robot) {
        for (String id : List.of("#device", "#allocCache", "#ptrRing", "#buddy", "#sockets", "#play", "#step",
                "#stepBack", "#speed", "#counters", "#nowExecuting", "#timeline", "#params", "#presets")) {
            assertThat(robot.lookup(id).tryQuery()).as(id).isPresent();
        }
    }

    @Test
    void itStartsOnTheDefaultPresetPaused() {
        assertThat(view().title()).isEqualTo("XDP_DROP steady state");
        assertThat(view().state()).isEqualTo(RunnerState.PAUSED);
        assertThat(stage.getTitle()).contains("XDP_DROP");
    }

    @Test
    void everyControlHasATooltip() {
        for (Node node : window.controls().controls()) {
            assertThat(((Control) node).getTooltip()).as(node.getId()).isNotNull();
            assertThat(((Control) node).getTooltip().getText()).as(node.getId()).isNotBlank();
        }
    }

    @Test
    void playThenPauseChangesTheCounters(FxRobot robot) {
        robot.interact(() -> window.controls().speed.setValue(100)); // as fast as possible
        robot.clickOn("#play");
        await("playing", () -> view().state() == RunnerState.PLAYING);
        await("packets", () -> view().nic().processed() > 100_000);
        robot.clickOn("#play");
        await("paused", () -> view().state() == RunnerState.PAUSED);
        long fast = Long.parseLong(counter(robot, "fast").replace(",", ""));
        assertThat(fast).isGreaterThan(100_000);
    }

    @Test
    void aStepMovesExactlyOneKernelCallAndAStepBackUndoesIt(FxRobot robot) {
        // first call: page_pool_nid_changed() moves the NUMA_NO_NODE pool to the CPU's node (no counter moves)
        robot.clickOn("#step");
        await("one step", () -> view().position() == 1);
        awaitCounter(robot, "slow", "0");
        // second call: the first alloc of the RX refill takes a bulk of 64 pages from the page allocator
        robot.clickOn("#step");
        await("two steps", () -> view().position() == 2);
        awaitCounter(robot, "slow", "1");
        awaitCounter(robot, "empty", "1");
        awaitCounter(robot, "hold", "64");
        awaitCounter(robot, "inflight", "64");
        // third call: the next alloc comes from the alloc cache
        robot.clickOn("#step");
        awaitCounter(robot, "fast", "1");
        robot.clickOn("#stepBack");
        await("back", () -> view().position() == 2);
        awaitCounter(robot, "fast", "0");
        awaitCounter(robot, "hold", "64");
        robot.clickOn("#stepBack");
        awaitCounter(robot, "slow", "0");
        awaitCounter(robot, "hold", "0");
    }

    @Test
    void theKeyboardPlaysStepsAndGoesBack(FxRobot robot) {
        robot.clickOn("#device"); // focus away from any text field
        robot.type(KeyCode.RIGHT);
        await("a step", () -> view().position() == 1);
        robot.type(KeyCode.RIGHT);
        await("another step", () -> view().position() == 2);
        robot.type(KeyCode.LEFT);
        await("a step back", () -> view().position() == 1);
        double before = window.controls().speed.getValue();
        robot.type(KeyCode.EQUALS);
        await("faster", () -> window.controls().speed.getValue() > before);
        robot.type(KeyCode.SPACE);
        await("playing", () -> view().state() == RunnerState.PLAYING);
        robot.type(KeyCode.SPACE);
        await("paused", () -> view().state() == RunnerState.PAUSED);
    }

    @Test
    void f11PutsTheWindowOnTheWholeScreenAndTakesItBack(FxRobot robot) {
        Stage stage = (Stage) window.scene().getWindow();
        robot.clickOn("#device");
        robot.type(KeyCode.F11);
        await("full screen", stage::isFullScreen);
        robot.type(KeyCode.F11);
        await("a window again", () -> !stage.isFullScreen());
    }

    @Test
    void aGoldenScriptStepsWithItsLineHighlightedAndItsTraceShown(FxRobot robot) throws Exception {
        Path script = Path.of(getClass().getResource("/golden/03-ring-size4.pool").toURI());
        List<String> trace = Files.readAllLines(script.resolveSibling("03-ring-size4.trace"));
        dialogs.answers.add(script);
        robot.clickOn("#openScript");
        await("the script", () -> view().script() != null);
        for (String expected : trace) {
            int line = Integer.parseInt(expected.substring(0, expected.indexOf(' ')));
            robot.clickOn("#step");
            await("line " + line, () -> expected.equals(robot.lookup("#traceLine").queryAs(Label.class).getText()));
            await("highlight " + line, () -> window.side().script().highlightedLine() == line);
            int cache = Integer.parseInt(expected.replaceAll(".* cache=(\\d+) .*", "$1"));
            int ring = Integer.parseInt(expected.replaceAll(".* ring=(\\d+) .*", "$1"));
            var pool = view().currentPool();
            assertThat(pool == null ? 0 : pool.cache().size()).as("cache after line %d", line).isEqualTo(cache);
            assertThat(pool == null ? 0 : pool.ringCount()).as("ring after line %d", line).isEqualTo(ring);
        }
        robot.clickOn("#stepBack");
        await("one line back", () -> window.side().script().highlightedLine()
                == Integer.parseInt(trace.get(trace.size() - 2).split(" ")[0]));
    }

    @Test
    void aMalformedScriptShowsWhereAndTheAppStaysUsable(FxRobot robot) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.pool"), "memory pages=256\ncreate\nalloc n=0\n");
        assertThat(openThroughDialog(robot, bad, "#openScript")).startsWith(bad + ":3: ").contains("n: \"0\"");
        assertThat(view().live()).as("the workload stays").isTrue();
        robot.clickOn("#step");
        await("still steps", () -> view().position() == 1);
    }

    @Test
    void aMalformedPresetShowsWhereAndTheRunStays(FxRobot robot) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.workload"), "title = t\ntraffic.rate = lots\n");
        assertThat(openThroughDialog(robot, bad, "#openPreset")).isEqualTo(bad + ":2: traffic.rate: not a number:"
                + " \"lots\" (numbers are written like 12, 0.5 or 2e6)");
        assertThat(view().title()).isEqualTo("XDP_DROP steady state");
    }

    @Test
    void aMissingFileIsAMessageToo(FxRobot robot) {
        dialogs.answers.add(dir.resolve("gone.pool"));
        robot.clickOn("#openScript");
        await("the message", () -> window.notifications().isShowing());
        assertThat(window.notifications().getText()).endsWith("gone.pool: cannot open: No such file or directory");
    }

    @Test
    void choosingAnotherPresetStartsIt(FxRobot robot) {
        robot.interact(() -> window.controls().presets.setValue("08-irq-numa-move.workload"));
        await("the NUMA preset", () -> view().title().startsWith("IRQ moved"));
        assertThat(view().buddy().nodes()).isEqualTo(2);
    }

    @Test
    void aLiveParameterChangeReachesTheModel(FxRobot robot) {
        robot.interact(() -> controller.setParam(Param.BUDGET, 8));
        await("budget 8", () -> view().params().getInt(Param.BUDGET) == 8);
    }

    @Test
    void anotherPresetChosenWhilePlayingStaysChosen(FxRobot robot) {
        robot.clickOn("#play");
        await("playing", () -> view().state() == RunnerState.PLAYING);
        String numa = "08-irq-numa-move.workload";
        robot.interact(() -> window.controls().presets.setValue(numa));
        await("the NUMA preset", () -> view().source().equals(numa));
        robot.clickOn("#step");
        await("a step in it", () -> view().position() > 0 && view().source().equals(numa));
        assertThat(window.controls().presets.getValue()).isEqualTo(numa);
        assertThat(controller.preset().name()).isEqualTo(numa);
    }

    @Test
    void afterAScriptTheSamePresetCanBeChosenAgainAndComesBackAtItsSpeed(FxRobot robot) throws Exception {
        double presetSpeed = controller.preset().speed();
        dialogs.answers.add(Path.of(getClass().getResource("/golden/03-ring-size4.pool").toURI()));
        robot.clickOn("#openScript");
        await("the script", () -> view().script() != null);
        await("no preset picked", () -> window.controls().presets.getValue() == null);
        assertThat(window.controls().speedLabel.getText()).as("a script at speed 1").isEqualTo("2 lines/s");
        robot.interact(() -> window.controls().presets.setValue(Assets.DEFAULT_PRESET));
        await("the preset again", () -> view().live());
        // 1e-4 of real time: 2,000 of the preset's 20 M packets a second
        await("its speed on the slider", () -> "1/10,000 of real time".equals(window.controls().speedLabel.getText()));
        assertThat(view().speed()).isEqualTo(presetSpeed);
        SpeedScale stops = SpeedScale.live(SpeedScale.paceOf(view(), controller.unit()));
        assertThat(stops.factor(window.controls().speed.getValue())).isEqualTo(presetSpeed);
    }

    @Test
    void aChangeTheModelRefusesIsShownInTheWindow(FxRobot robot) {
        robot.interact(() -> controller.setParam(Param.BUDGET, 0));
        await("the refusal", () -> window.notifications().isShowing());
        assertThat(window.notifications().getText()).contains("napi.budget");
        assertThat(view().params().getInt(Param.BUDGET)).isEqualTo(64);
    }
}
