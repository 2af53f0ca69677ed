// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.run.RunnerCommand;
import org.pagepool.run.SyncRunner;
import org.pagepool.trace.PageMove;
import org.pagepool.trace.Place;
import org.pagepool.view.ModelView;
import org.pagepool.workload.PresetFiles;

/** Tokens fly for the focused queue's pages only: the regions show that queue. */
class FocusedMovesTest {

    @Test
    void onlyThePagesOfTheFocusedQueuesPoolsAndOfNoPoolFly() throws Exception {
        var elephant = PresetFiles.load(Path.of("..", "assets", "scenarios", "16-elephant-flow.workload"), "e");
        try (SyncRunner runner = SyncRunner.live(elephant)) {
            runner.apply(new RunnerCommand.Seek(1_000_000L));
            ModelView v = runner.apply(new RunnerCommand.Focus(2));
            int mine = v.currentPool().id();
            int other = mine == 1 ? 2 : 1; // another queue's pool (ids go 1 to 8)
            PageMove ours = new PageMove(mine, 7, 0, 100, 0, Place.ALLOC_CACHE, Place.RX_DESCRIPTOR);
            PageMove theirs = new PageMove(other, 7, 0, 101, 0, Place.ALLOC_CACHE, Place.RX_DESCRIPTOR);
            PageMove nobodys = new PageMove(0, 0, 0, 102, 0, Place.BUDDY, Place.ALLOC_CACHE);
            assertThat(JourneyPane.focusedMoves(v, List.of(ours, theirs, nobodys))).containsExactly(ours, nobodys);
        }
    }
}
