// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagepool.capture.Capture;
import org.pagepool.capture.PoolFindings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A capture with more leaks than the table keeps: the table stays bounded and says how many there were. */
@ExtendWith(ApplicationExtension.class)
class LeakTableTest {
    private LeakTable table;

    @Start
    void start(Stage stage) {
        table = new LeakTable();
        stage.setScene(new Scene(table, 400, 300));
        stage.show();
    }

    private static CapturedPool poolWithLeaks(int count) {
        List<PoolFindings.Leak> leaks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leaks.add(new PoolFindings.Leak(0x100000L + i, true, i, 10_000_000_000L - i, Capture.NO_TIME));
        }
        PoolFindings f = new PoolFindings("pool 0xc0ffee", 0xc0ffeeL, -1, "", -1, -1, List.of(0), 0, 0, 5,
                Capture.NO_TIME, count, 0, count, false, count, 5, null, null, leaks, count, null, null, List.of(),
                List.of());
        return new CapturedPool(f.label(), List.of(f), null, Double.NaN, Double.NaN, "", null);
    }

    @Test
    void manyLeaksAreBoundedAndCounted(FxRobot robot) {
        int many = LeakTable.MAX_ROWS + 1234;
        robot.interact(() -> table.show(List.of(poolWithLeaks(many))));
        assertThat(table.table().getItems()).hasSize(LeakTable.MAX_ROWS);
        assertThat(table.table().getItems().get(0).shownPage()).isEqualTo("0x100000");
        assertThat(table.isVisible()).isTrue();
        assertThat(((Label) table.getChildren().get(0)).getText())
                .contains("51,234").contains("the first 50,000");
    }

    @Test
    void noLeaksHideTheTable(FxRobot robot) {
        robot.interact(() -> table.show(List.of(poolWithLeaks(0))));
        assertThat(table.table().getItems()).isEmpty();
        assertThat(table.isVisible()).isFalse();
    }
}
