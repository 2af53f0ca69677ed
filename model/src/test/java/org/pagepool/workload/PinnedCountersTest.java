// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.pool.PagePool;

/**
 * The one-queue presets end where they ended before the NIC had several
 * queues: every counter, every pool, the clock and the step count of a run
 * at the preset's own seed are pinned in {@code src/test/resources/pinned},
 * written from the model as it was before multi-queue support. A change that
 * moves one random draw or one step shows here.
 *
 * <p>To pin a new preset (never to "fix" a difference): run with
 * {@code -Dpinned.write=true} and review the new file.
 */
class PinnedCountersTest {
    /** Steps per run: every story gets going, several reach their reloads and pressure changes. */
    private static final long STEPS = 150_000;
    private static final Path DIR = Path.of("src", "test", "resources", "pinned");

    /** The presets that existed before multi-queue support: all of them are one-queue systems. */
    static Stream<String> presets() {
        return Stream.of("01-xdp-drop", "02-redirect-ring", "03-cache-full", "04-undersized-ring",
                "05-slow-socket", "06-skb-clone", "07-memory-pressure", "08-irq-numa-move", "09-unload-stall",
                "10-driver-leak", "11-high-order", "12-many-cpus-return", "13-reload-two-pools", "14-tx-bulk");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aOneQueuePresetEndsWithTheCountersItHadBefore(String name) throws Exception {
        Preset preset = Presets.load(Path.of("..", "assets", "scenarios", name + PresetFiles.EXTENSION));
        Simulation sim = preset.start(null);
        sim.run(STEPS, preset.durationNs(), 0);
        String now = counters(sim);
        Path file = DIR.resolve(name + ".counters");
        if (Boolean.getBoolean("pinned.write")) {
            Files.createDirectories(DIR);
            Files.writeString(file, now, StandardCharsets.UTF_8);
        }
        assertThat(now).as("%s at seed %d after %d steps (pinned in %s)", name, preset.seed(), STEPS, file)
                .isEqualTo(read(file));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Every counter and piece of state a one-queue run ends with, through the accessors that stay. */
    static String counters(Simulation sim) {
        StringBuilder text = new StringBuilder();
        for (PagePool pool : sim.pools()) {
            text.append(String.format(Locale.ROOT,
                    "pool %d %s nid=%d: %s | cache=%d ring=%d stale=%d hold=%d release=%d inflight=%d users=%d%n",
                    pool.id(), pool.state().word(), pool.nid(), pool.stats().format(), pool.allocCount(),
                    pool.ring().count(), pool.ring().stale(), Integer.toUnsignedLong(pool.holdCount()),
                    Integer.toUnsignedLong(pool.releaseCount()), pool.inflightCount(),
                    Integer.toUnsignedLong(pool.users())));
        }
        text.append("pools: ").append(sim.poolStats().format()).append('\n');
        text.append("nic: ").append(sim.driver().stats().format()).append('\n');
        text.append("stack: ").append(sim.stackStats().format()).append('\n');
        text.append(String.format(Locale.ROOT, "free=%d mapped=%d syncs=%d jiffies=%d log=%d%n",
                sim.kernel().mm().freePages(), sim.kernel().dma().mapped(), sim.kernel().dma().syncs(),
                sim.kernel().jiffies().now(), sim.kernel().log().total()));
        text.append(String.format(Locale.ROOT, "now=%d steps=%d packets=%d rx=%d/%d tx=%d%n", sim.now(),
                sim.steps(), sim.packets(), sim.driver().rx().posted(), sim.driver().rx().completed(),
                sim.driver().tx().count()));
        for (int node = 0; node < sim.kernel().mm().nodeCount(); node++) {
            text.append("buddy").append(node).append('=')
                    .append(Arrays.toString(sim.kernel().mm().buddyinfo(node))).append('\n');
        }
        return text.toString();
    }
}
