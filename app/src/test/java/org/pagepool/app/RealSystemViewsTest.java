// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagepool.app.view.CapturePane;
import org.pagepool.app.view.EmittedCapture;
import org.pagepool.app.view.LeakTable;
import org.pagepool.app.view.LifetimeBar;
import org.pagepool.capture.CaptureImporter;
import org.pagepool.capture.CaptureReport;
import org.pagepool.capture.PoolFindings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Real system tab's views of a capture: a tile per pool (one for a pool
 * the trace and netlink both showed), the pools' lifetimes, the leaked pages
 * in a table that sorts.
 */
@ExtendWith(ApplicationExtension.class)
class RealSystemViewsTest extends CaptureFixture {
    @Start
    void start(Stage stage) throws Exception {
        openForCaptures(stage);
    }

    private CapturePane pane() {
        return window.side().capture();
    }

    private void openAndAwait(FxRobot robot, List<Path> files) {
        String[] error = {"not yet"};
        robot.interact(() -> window.openCapture(files, loaded -> error[0] = loaded.error()));
        await("the capture", () -> !"not yet".equals(error[0]) && pane().tiles().grid() != null);
        assertThat(error[0]).isNull();
    }

    @Test
    void aTilePerPoolAndATraceAndItsDumpsOfOnePoolAreOneTile(FxRobot robot) throws Exception {
        EmittedCapture.emit(dir, "10-driver-leak", "trace", "ethtool", "netlink");
        openAndAwait(robot, List.of(dir));
        assertThat(pane().tiles().grid().count()).isEqualTo(1);
        assertThat(pane().lifetimes().bars()).extracting(LifetimeBar::label)
                .containsExactly("pool 1 = 0xffff888100001000");
        assertThat(pane().focusedPool()).as("one pool: in focus").isZero();

        // two runs' files side by side: two pools that do not agree stay two tiles
        Path other = dir.resolve("other");
        other.toFile().mkdirs();
        Path stallDumps = EmittedCapture.emit(other, "09-unload-stall", "netlink").get(0);
        openAndAwait(robot, List.of(dir.resolve("trace.txt"), stallDumps));
        assertThat(pane().tiles().grid().count()).isEqualTo(2);
        assertThat(pane().lifetimes().bars()).hasSize(2);
        assertThat(pane().focusedPool()).isEqualTo(-1);
        robot.clickOn(pane().tiles().localToScreen(pane().tiles().tileCentre(1)));
        assertThat(pane().focusedPool()).as("the clicked pool in focus").isEqualTo(1);
    }

    @Test
    void theLifetimesShowTheStalledShutdownOf09(FxRobot robot) {
        List<Path> trace = EmittedCapture.emit(dir, "09-unload-stall", "trace");
        openAndAwait(robot, trace);
        List<LifetimeBar> bars = pane().lifetimes().bars();
        assertThat(bars).hasSize(pane().tiles().grid().count()).hasSize(1);
        LifetimeBar bar = bars.get(0);
        assertThat(bar.stalled()).isTrue();
        assertThat(bar.destroyedNs()).as("destroyed at 0.100 s").isEqualTo(100_000_000L);
        assertThat(bar.shutdownEndNs()).as("still waiting at the end").isGreaterThan(bar.destroyedNs());
        assertThat(bar.leaks()).isEqualTo(62);
    }

    @Test
    void theLeakTableListsEveryLeakedPfnOf10AndSortsByEachColumn(FxRobot robot) throws Exception {
        List<Path> files = EmittedCapture.emit(dir, "10-driver-leak", "trace", "ethtool", "netlink");
        openAndAwait(robot, List.of(dir));
        CaptureReport report = CaptureReport.of(new CaptureImporter().read(files,
                files.stream().map(Path::toString).toList()));
        Set<Long> leaked = report.pools().stream().flatMap(p -> p.leaks().stream()).map(PoolFindings.Leak::page)
                .collect(Collectors.toSet());
        assertThat(leaked).hasSize(100);
        TableView<LeakTable.Row> table = pane().leaks().table();
        assertThat(table.getItems()).extracting(LeakTable.Row::page).hasSize(100)
                .containsExactlyInAnyOrderElementsOf(leaked);
        assertThat(table.getItems()).allMatch(row -> row.pfn() && row.shownPage().startsWith("0x"));

        robot.interact(() -> pane().setVvalue(1)); // the table into sight
        await("the table laid out", () -> header(robot, "leakPfn") != null);
        robot.clickOn(header(robot, "leakPfn"));
        assertThat(table.getItems()).extracting(LeakTable.Row::page)
                .isSortedAccordingTo(Long::compareUnsigned);
        robot.clickOn(header(robot, "leakPfn")); // again: the other way
        assertThat(table.getItems()).extracting(LeakTable.Row::page)
                .isSortedAccordingTo((a, b) -> Long.compareUnsigned(b, a));
        robot.clickOn(header(robot, "leakHeld"));
        assertThat(table.getItems()).extracting(LeakTable.Row::heldNs).isSortedAccordingTo(Comparator.naturalOrder());
        robot.clickOn(header(robot, "leakAge"));
        assertThat(table.getItems()).extracting(LeakTable.Row::ageNs).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(table.getItems()).extracting(LeakTable.Row::page).containsExactlyInAnyOrderElementsOf(leaked);
    }

    private static TableColumnHeader header(FxRobot robot, String column) {
        return robot.lookup(".column-header").queryAllAs(TableColumnHeader.class).stream()
                .filter(h -> h.getTableColumn() != null && column.equals(h.getTableColumn().getId()) && h.isVisible())
                .findFirst().orElse(null);
    }

    @Test
    void theFocusedPoolsFlowsComeFromItsCountersAroundTheScrubber(FxRobot robot) throws Exception {
        EmittedCapture.emit(dir, "10-driver-leak", "trace", "ethtool", "netlink");
        openAndAwait(robot, List.of(dir));
        Slider scrubber = robot.lookup("#captureScrubber").queryAs(Slider.class);
        Label caption = robot.lookup("#captureFlowsCaption").queryAs(Label.class);
        // the driver ran for 50 ms: in the first interval of netlink's samples the pages moved
        robot.interact(() -> scrubber.setValue(1.0));
        assertThat(pane().flows().labels()).anyMatch(l -> l.startsWith("alloc_fast "))
                .anyMatch(l -> l.startsWith("recycle_cached ")).noneMatch(l -> l.startsWith("recycle_ring_full"));
        assertThat(caption.getText()).contains("Flows of pool 1 = 0xffff888100001000 (netlink)",
                "between 0.000 s and 6.500 s");
        // at the end the pool waits: no counter grows, and no arrow is drawn
        robot.interact(() -> scrubber.setValue(scrubber.getMax()));
        assertThat(pane().flows().labels()).isEmpty();
    }

    @Test
    void aTraceAloneHasNoFlowsAndSaysSo(FxRobot robot) throws Exception {
        EmittedCapture.emit(dir, "09-unload-stall", "trace");
        openAndAwait(robot, List.of(dir.resolve("trace.txt")));
        assertThat(pane().flows().labels()).isEmpty();
        assertThat(robot.lookup("#captureFlowsCaption").queryAs(Label.class).getText())
                .contains("this capture has none for it");
    }
}
