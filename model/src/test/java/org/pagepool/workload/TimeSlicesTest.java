// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TimeSlicesTest {
    /**
     * 03's sender is quiet for 4.5 ms between bursts, and after its first
     * fill nothing happens for 15 ms: longer than the longest slice. The
     * slices must still get there, end at the limit, and end as one run to
     * the limit does.
     */
    @Test
    void slicesCrossQuietSpellsLongerThanASliceAndEndWhereOneRunEnds() throws Exception {
        Preset preset = Presets.load(Path.of("..", "assets", "scenarios", "03-cache-full.workload"));
        long limit = 60_000_000;
        Simulation sliced = preset.start(null);
        TimeSlices slices = new TimeSlices(4096, 1_000_000);
        int calls = 0;
        int result;
        do {
            result = slices.next(sliced, limit);
            calls++;
        } while (result != Simulation.LATER && result != Simulation.IDLE && calls < 100_000);
        assertThat(result).as("after %d slices", calls).isEqualTo(Simulation.LATER);
        Simulation whole = preset.start(null);
        assertThat(whole.run(Long.MAX_VALUE, limit, 0)).isEqualTo(Simulation.LATER);
        assertThat(sliced.packets()).isPositive();
        assertThat(Outcome.of(sliced)).isEqualTo(Outcome.of(whole));
    }
}
