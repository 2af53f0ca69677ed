// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated run written as the kernel's tracepoints ({@code workload
 * --emit-trace}) reads back through {@code import} as a real capture would:
 * the same hold, release and inflight as the model's pool, and the same story
 * (a leaking driver leaks, an unload with pages in sockets stalls).
 */
class EmitTraceRoundTripTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static long field(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in:%n%s", regex, text).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private Run roundTrip(String preset, String... limits) {
        Path trace = dir.resolve(preset + ".trace.txt");
        String[] args = new String[4 + limits.length];
        args[0] = "workload";
        args[1] = "--preset";
        args[2] = "../assets/scenarios/" + preset + ".workload";
        args[3] = "--emit-trace=" + trace;
        System.arraycopy(limits, 0, args, 4, limits.length);
        Run workload = cli(args);
        assertThat(workload.status()).as(workload.err()).isZero();
        Run imported = cli("import", trace.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        for (String counter : new String[] {"hold", "release", "inflight"}) {
            assertThat(field(imported.out(), counter + " ([0-9,]+)"))
                    .as("%s: the model's %s", preset, counter)
                    .isEqualTo(field(workload.out(), "pool 1 state: .*?" + counter + "=([0-9]+)"));
        }
        return imported;
    }

    @Test
    void aLeakingDriversPagesAreLeaksInTheImport() {
        Run imported = roundTrip("10-driver-leak", "--packets", "100000");
        assertThat(imported.out()).contains("leaks: ").contains("never returned").contains("was destroyed at");
    }

    @Test
    void anUnloadWithPagesInSocketsIsAStalledShutdown() {
        Run imported = roundTrip("09-unload-stall");
        assertThat(imported.out()).contains("stalled shutdown").contains("still waiting for 62");
    }

    @Test
    void theNetlinkDumpsOfAnUnloadWithPagesInSocketsShowAStalledShutdown() {
        Path dumps = dir.resolve("netlink-pools.txt");
        Run workload = cli("workload", "--preset", "../assets/scenarios/09-unload-stall.workload",
                "--emit-netlink", dumps.toString());
        assertThat(workload.status()).as(workload.err()).isZero();
        Run imported = cli("import", dumps.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("21 samples")
                .contains("destroyed at 0.000 s; not freed by the end")
                .contains("stalled shutdown: began at 0.000 s (netlink), 62 pages still in flight");
    }

    @Test
    void theEthtoolSnapshotsComeAtEveryIntervalAndWhereTheRunStops() throws Exception {
        Path samples = dir.resolve("ethtool-eth0.txt");
        Run workload = cli("workload", "--preset", "../assets/scenarios/16-elephant-flow.workload",
                "--emit-ethtool", samples.toString(), "--every", "3", "--seconds", "0.010");
        assertThat(workload.status()).as(workload.err()).isZero();
        String text = Files.readString(samples);
        // 0, 3, 6 and 9 ms, then the stop at 10 ms
        assertThat(text.lines().filter(l -> l.startsWith("# time ")).toList()).containsExactly(
                "# time 1764806400.000000000 uptime=0.000000000 iface=eth0",
                "# time 1764806400.003000000 uptime=0.003000000 iface=eth0",
                "# time 1764806400.006000000 uptime=0.006000000 iface=eth0",
                "# time 1764806400.009000000 uptime=0.009000000 iface=eth0",
                "# time 1764806400.010000000 uptime=0.010000000 iface=eth0");
        assertThat(text).contains("     rx7_pp_alloc_fast: ").contains("     rx_pp_recycle_released_ref: ");
        Run imported = cli("import", samples.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("interface eth0 rx7 (ethtool -S, 5 samples over 10.0 ms)");
    }

    @Test
    void theTraceIsRefusedWhereItWouldOverwriteAnotherOutput() {
        Path same = dir.resolve("same.txt");
        Run run = cli("workload", "--preset", "../assets/scenarios/01-xdp-drop.workload", "--seconds", "0.001",
                "--record", same.toString(), "--emit-trace", same.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--record and --emit-trace name the same file");
    }
}
