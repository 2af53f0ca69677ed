// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} says, as the app's Real system tab does, when the trace's
 * pool and netlink's are one pool (the shared rule, {@code PoolJoin}), and
 * keeps pools apart when the evidence disagrees.
 */
class ImportJoinTest {
    private static final String JOINED = "pool 1 = 0xffff888100001000: the trace's 0xffff888100001000 and netlink's"
            + " pool 1 are one pool";

    @TempDir
    Path dir;

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).as(String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path emit(String preset, String what, String file) {
        Path out = dir.resolve(file);
        run("workload", "--preset", "../assets/scenarios/" + preset + ".workload", "--emit-" + what, out.toString());
        return out;
    }

    @Test
    void theTextReportJoinsTheTracesPoolAndNetlinksAsTheAppDoes() {
        Path trace = emit("10-driver-leak", "trace", "trace.txt");
        Path netlink = emit("10-driver-leak", "netlink", "netlink-pools.txt");
        String text = run("import", trace.toString(), netlink.toString());
        // said once, then each source's section, the trace's first
        assertThat(text).contains("\n" + JOINED).containsSubsequence(JOINED, "\npool 0xffff888100001000\n",
                "\npool 1\n", "diagnosis:");
        String json = run("import", "--json", trace.toString(), netlink.toString());
        assertThat(json).contains("\"joined\": [", "\"label\": \"pool 1 = 0xffff888100001000\"",
                "\"trace_pool\": 0,", "\"netlink_pool\": 1,");
    }

    @Test
    void theDiagnosisTellsAJoinedPoolsStallOnceFromTheTrace() {
        Path trace = emit("10-driver-leak", "trace", "trace.txt");
        Path netlink = emit("10-driver-leak", "netlink", "netlink-pools.txt");
        String diagnosis = run("import", trace.toString(), netlink.toString()).split("diagnosis:", 2)[1];
        // netlink's detach-time has whole seconds: its half would say 'destroyed at 0.000 s' beside the trace's
        assertThat(diagnosis).contains("pool 0xffff888100001000 was destroyed at 0.050 s")
                .doesNotContain("pool 1 was destroyed");
        String apart = run("import", netlink.toString()).split("diagnosis:", 2)[1];
        assertThat(apart).contains("pool 1 was destroyed");
    }

    @Test
    void poolsOfTwoDifferentRunsStayApart() {
        Path trace = emit("10-driver-leak", "trace", "trace.txt");
        Path netlink = emit("09-unload-stall", "netlink", "netlink-pools.txt");
        assertThat(run("import", trace.toString(), netlink.toString())).doesNotContain(" are one pool");
        assertThat(run("import", "--json", trace.toString(), netlink.toString())).contains("\"joined\": []");
    }
}
