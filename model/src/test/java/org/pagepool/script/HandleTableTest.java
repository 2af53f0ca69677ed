// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.mm.PageAllocator;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.Place;
import org.pagepool.trace.Tracer;

/** Handles name pages across the table's chunks, up to the largest unsigned handle, and die with their page. */
class HandleTableTest {

    private static String run(ScriptRunner runner, int line, String text) throws ScriptSyntaxError {
        StepResult step = runner.run(ScriptParser.parseLine(line, text));
        assertThat(step.outcome()).as("%s: %s", text, step.error()).isEqualTo(StepResult.Outcome.OK);
        return step.result();
    }

    @Test
    void handlesOnEitherSideOfAChunkBoundaryNameTheirPages() throws ScriptSyntaxError {
        ScriptRunner runner = new ScriptRunner(ScriptParser.parse("t.pool", List.of()));
        run(runner, 1, "memory nodes=1 pages=131072");
        run(runner, 2, "create");
        run(runner, 3, "alloc n=70000");

        assertThat(run(runner, 4, "recycle p=65537")).isEqualTo("cache");
        assertThat(run(runner, 5, "put p=65536")).isEqualTo("ring");
        assertThat(run(runner, 6, "recycle p=70000")).isEqualTo("cache");
        assertThat(run(runner, 7, "alloc n=2")).isEqualTo("p70000@n0 p65537@n0");
    }

    @Test
    void theLargestHandleIsKeptAndADeadHandleNamesNothing() {
        PageAllocator mm = new PageAllocator(new int[] {64}, new Tracer());
        HandleTable table = new HandleTable();
        table.reset(3);
        int page = mm.allocPagesNode(0, 0);
        int largest = -1; // 4294967295 unsigned
        mm.memMap().setOwner(page, 3, largest);
        mm.move(page, Place.DRIVER);
        table.moved(3, largest, PageRef.pageToNid(page), PageRef.pageToPfn(page), 0, Place.BUDDY, Place.DRIVER);
        table.moved(4, 9, 0, 1, 0, Place.BUDDY, Place.DRIVER); // another pool's handle

        assertThat(table.issued(largest)).isTrue();
        assertThat(table.page(largest, mm.memMap())).isEqualTo(page);
        assertThat(table.issued(9)).isFalse();
        assertThat(table.issued(65536)).isFalse();

        mm.putPage(page);
        assertThat(table.issued(largest)).as("issued once, whatever became of it").isTrue();
        assertThat(table.page(largest, mm.memMap())).as("back in the buddy allocator").isEqualTo(PageRef.NULL);

        table.reset(5);
        assertThat(table.issued(largest)).isFalse();
    }
}
