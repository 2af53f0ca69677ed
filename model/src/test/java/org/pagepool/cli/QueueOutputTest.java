// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code workload} on a NIC of several queues: a line per queue and the total, or ethtool -S names. */
class QueueOutputTest {
    private static final String PRESET = "../assets/scenarios/16-elephant-flow.workload";

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e);
        }
        return new String[] {Integer.toString(status), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aLinePerQueueThenTheTotal() {
        String[] r = run("workload", "--preset", PRESET, "--seconds", "0.01");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("\nqueue 0 (cpu ").contains("\nqueue 1 (cpu ").contains("\ntotal: rx_packets=");
    }

    @Test
    void ethtoolNamesPerQueueAndSummed() {
        String[] r = run("workload", "--preset", PRESET, "--seconds", "0.01", "--queue-stats", "ethtool");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("NIC statistics:").contains("     rx_pp_alloc_fast: ")
                .contains("     rx0_pp_alloc_fast: ").contains("     rx1_pp_alloc_fast: ");
        assertThat(Arrays.stream(r[1].split("\n")).filter(l -> l.startsWith("queue ")).count()).isZero();
    }

    @Test
    void anUnknownFormIsRefused() {
        String[] r = run("workload", "--preset", PRESET, "--seconds", "0.01", "--queue-stats", "json");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--queue-stats is lines or ethtool");
    }
}
