// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.pagepool.app.view.ChartPane;
import org.pagepool.app.view.Palette;
import org.pagepool.app.view.QueueTable;
import org.pagepool.app.view.QueueTilesPane;
import org.pagepool.view.QueueView;
import org.pagepool.workload.Preset;
import org.testfx.api.FxRobot;

/** Many queues in the window: tiles for a multi-queue NIC only, and focusing a queue by click and by key. */
class QueuesWindowTest extends WindowFixture {
    private QueueTilesPane tiles() {
        return window.journey().tiles();
    }

    private void loadElephant(FxRobot robot) throws Exception {
        Preset elephant = Assets.preset("16-elephant-flow.workload");
        robot.interact(() -> controller.loadPreset(elephant));
        await("the elephant flow's eight queues", () -> view().queues().count() == 8);
        await("the tiles drawn, once laid out", () -> tiles().grid() != null);
    }

    @Test
    void aOneQueuePresetShowsNoTilesAndAManyQueuePresetShowsOneTilePerQueue(FxRobot robot) throws Exception {
        assertThat(view().queues().many()).isFalse();
        assertThat(tiles().getParent()).as("no tiles for one queue").isNull();
        loadElephant(robot);
        assertThat(tiles().getParent()).as("the tiles are laid out").isNotNull();
        assertThat(tiles().isVisible()).isTrue();
        assertThat(tiles().grid().count()).isEqualTo(8);
        Point2D last = tiles().tileCentre(7);
        assertThat(tiles().getLayoutBounds().contains(last)).as("the last tile inside the region").isTrue();
    }

    @Test
    void theCountersOfEightPoolsAreSummedUsersToo(FxRobot robot) throws Exception {
        awaitCounter(robot, "users", "2");
        loadElephant(robot);
        awaitCounter(robot, "users", "16"); // the driver and the XDP memory model, per pool
        assertThat(robot.lookup("8 pools (counters summed)").tryQuery()).isPresent();
    }

    @Test
    void clickingATileFocusesItsQueueAndTheDeviceShowsIt(FxRobot robot) throws Exception {
        loadElephant(robot);
        robot.clickOn(tiles().localToScreen(tiles().tileCentre(3)));
        await("queue 3 in focus", () -> view().queues().focus() == 3);
        QueueView q3 = view().queues().get(3);
        assertThat(view().device().irqCpu()).isEqualTo(q3.cpu());
        assertThat(view().pools().shown()).isEqualTo(q3.pools());
    }

    @Test
    void bracketsStepThroughTheQueuesRoundTheNicAndADigitJumps(FxRobot robot) throws Exception {
        loadElephant(robot);
        robot.clickOn("#ptrRing"); // the window's shortcuts, not a control's
        robot.type(KeyCode.CLOSE_BRACKET);
        await("queue 1", () -> view().queues().focus() == 1);
        robot.type(KeyCode.OPEN_BRACKET);
        robot.type(KeyCode.OPEN_BRACKET);
        await("round to queue 7", () -> view().queues().focus() == 7);
        robot.type(KeyCode.DIGIT5);
        await("queue 5", () -> view().queues().focus() == 5);
    }

    @Test
    void theHotQueuesTileCarriesTheMarkForMissedPackets(FxRobot robot) throws Exception {
        robot.interact(() -> window.controls().theme.setValue("contrast"));
        loadElephant(robot);
        robot.interact(() -> controller.seek(3_000_000L));
        await("3 ms", () -> view().timeNs() >= 3_000_000L);
        robot.interact(() -> controller.seek(4_000_000L));
        await("4 ms", () -> view().timeNs() >= 4_000_000L);
        int marked = 0;
        for (QueueView q : view().queues().list()) {
            if (q.rxMissed()) {
                marked++;
                assertThat(q.pps()).as("the marked queue is the busiest").isEqualTo(view().queues().maxPps());
            }
        }
        assertThat(marked).as("one queue misses packets").isEqualTo(1);
        // the hot queue, 0, is the focused one too: in the contrast theme its thick frame covered its red corner
        assertThat(view().queues().focus()).isZero();
        assertThat(view().queues().get(0).troubled()).isTrue();
        Point2D centre = tiles().tileCentre(0);
        int x = (int) (centre.getX() + tiles().grid().tileW() / 2 - 3);
        int y = (int) (centre.getY() - tiles().grid().tileH() / 2 + 2);
        Color[] corner = new Color[1];
        robot.interact(() -> corner[0] = tiles().snapshot(null, null).getPixelReader().getColor(x, y));
        assertThat(corner[0]).as("the focused tile's corner").isEqualTo(Palette.CONTRAST.warning());
    }

    @Test
    void theQueuesTableHasARowPerQueueSortsByAKernelCounterAndADoubleClickFocuses(FxRobot robot) throws Exception {
        loadElephant(robot);
        robot.interact(() -> controller.seek(3_000_000L));
        await("3 ms", () -> view().timeNs() >= 3_000_000L);
        robot.interact(() -> window.side().selectQueues());
        QueueTable table = window.side().queueTable();
        await("a row per queue", () -> table.getItems().size() == 8);
        TableColumn<QueueView, ?> missed = table.getColumns().stream()
                .filter(c -> "queueColumn-rx_missed".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            missed.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(missed));
        });
        QueueView top = table.getItems().get(0);
        for (QueueView q : view().queues().list()) {
            assertThat(top.nic().rxMissed()).as("queue %d", q.queue()).isGreaterThanOrEqualTo(q.nic().rxMissed());
        }
        assertThat(top.nic().rxMissed()).as("the hot queue first").isPositive();
        Node firstRow = robot.lookup("#queueTable .table-row-cell").nth(0).query();
        robot.doubleClickOn(firstRow);
        await("the hot queue in focus", () -> view().queues().focus() == top.queue());
    }

    @Test
    void theChartsShowTheFocusedQueueTheTotalsOrEveryQueueStacked(FxRobot robot) throws Exception {
        loadElephant(robot);
        robot.interact(() -> controller.focus(2));
        ChartPane charts = window.side().charts();
        long[] at = {2_000_000L};
        for (ChartPane.Mode mode : ChartPane.Mode.values()) {
            robot.interact(() -> window.side().chartMode().setValue(mode));
            for (int i = 0; i < 2; i++) { // two samples, a window of time apart
                at[0] += 1_000_000L;
                long target = at[0];
                robot.interact(() -> controller.seek(target));
                await(mode + " at " + target, () -> view().timeNs() >= target);
            }
            await(mode + " charted", () -> !Double.isNaN(charts.latestInflight()));
            double expected = mode == ChartPane.Mode.QUEUE ? view().queues().get(2).pools().inflight()
                    : view().totals().inflight();
            assertThat(charts.latestInflight()).as(mode.toString()).isEqualTo(expected);
        }
        assertThat(view().queues().get(2).pools().inflight()).isLessThan(view().totals().inflight());
    }
}
