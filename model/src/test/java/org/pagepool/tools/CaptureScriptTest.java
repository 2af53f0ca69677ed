// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tools/capture-page-pool.sh where it can be tried without a NIC, tracefs or
 * root: its help, its argument checks, and a dry run that prints every command
 * and writes nothing. shellcheck when installed.
 */
class CaptureScriptTest {
    private static final Path SCRIPT = Path.of("..", "tools", "capture-page-pool.sh");

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        return runWith(null, args);
    }

    /** The script with {@code bin} first on its PATH (stand-ins for commands this machine lacks), unless null. */
    private static Result runWith(Path bin, String... args) throws IOException, InterruptedException {
        return runWith(bin, Map.of(), args);
    }

    /** {@link #runWith(Path, String...)} with {@code env} added to the script's environment. */
    private static Result runWith(Path bin, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (bin != null) {
            builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        }
        builder.environment().putAll(env);
        Process p = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the script ends (a safety net, not a timing)").isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpSaysWhatItRecordsAndExitsZero() throws Exception {
        Result r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("usage: capture-page-pool.sh [options]").contains("--seconds N", "--iface NAME",
                "--dry-run", "--ynl COMMAND", "--tracer WHICH");
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() throws Exception {
        assertThat(run("--seconds", "0")).isEqualTo(new Result(2, "",
                "capture-page-pool.sh: error: --seconds needs a whole number above 0, not \"0\"\n"));
        assertThat(run("--every", "-1").err()).isEqualTo(
                "capture-page-pool.sh: error: --every needs a number of seconds above 0, not \"-1\"\n");
        assertThat(run("--tracer", "bpftrace").err()).isEqualTo(
                "capture-page-pool.sh: error: --tracer is trace-cmd, tracefs or none, not \"bpftrace\"\n");
        assertThat(run("--iface", "eth0;reboot").err()).isEqualTo(
                "capture-page-pool.sh: error: --iface: \"eth0;reboot\" is not an interface name\n");
        assertThat(run("--out").err()).isEqualTo("capture-page-pool.sh: error: --out needs a value (try --help)\n");
        assertThat(run("--frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void aDryRunPrintsEveryCommandAndWritesNothing() throws Exception {
        Path out = dir.resolve("cap");
        Result r = run("--dry-run", "-s", "7", "-e", "0.5", "-i", "eth0", "-i", "eth1", "-o", out.toString(),
                "--tracer", "tracefs", "--ynl", "ynl --family netdev", "--buffer-kb", "4096");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.exists(out)).as("a dry run touches nothing").isFalse();
        String o = r.out();
        assertThat(o).contains("+ mkdir -p " + out,
                "+ echo '# pagepool-capture 1 (written by tools/capture-page-pool.sh)' >> " + out + "/capture.txt",
                "+ echo 'seconds=7' >> " + out + "/capture.txt",
                "# every 0.5 s for 7 s, in the background:",
                "+ ethtool -S eth0 >> " + out + "/ethtool-eth0.txt",
                "+ ethtool -S eth1 >> " + out + "/ethtool-eth1.txt",
                "+ ynl --family netdev --dump page-pool-get >> " + out + "/netlink-pools.txt",
                "+ ynl --family netdev --dump page-pool-stats-get >> " + out + "/netlink-stats.txt",
                "+ echo 4096 >> ", "/buffer_size_kb",
                "/events/page_pool/enable",
                "+ sleep 7",
                "+ dmesg >> " + out + "/dmesg.txt",
                "+ ip -o link >> " + out + "/links.txt");
        assertThat(o).containsPattern("\\+ echo '# time \\d+\\.\\d{9} uptime=\\d+\\.\\d+ iface=eth0' >> .*/ethtool-eth0"
                + "\\.txt");
        assertThat(o.indexOf("/events/page_pool/enable")).as("events on before the wait, off after")
                .isLessThan(o.indexOf("+ sleep 7"));
    }

    /**
     * Each sampled interface's RX ring and RX queues, as {@code ethtool -g}
     * and {@code -l} report them now (a stand-in here: eth0's driver says,
     * eth1's does not support it), go into capture.txt for import to simulate.
     */
    @Test
    void theRxRingAndQueuesOfEachInterfaceAreWrittenDown() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path ethtool = bin.resolve("ethtool");
        Files.writeString(ethtool, String.join("\n", "#!/bin/sh",
                "[ \"$2\" = eth0 ] || { echo 'Operation not supported' >&2; exit 1; }",
                "if [ \"$1\" = -g ]; then",
                "printf 'Ring parameters for eth0:\\nPre-set maximums:\\nRX:\\t\\t8192\\nRX Mini:\\tn/a\\n'",
                "printf 'TX:\\t\\t8192\\nCurrent hardware settings:\\nRX:\\t\\t2048\\nRX Mini:\\tn/a\\n'",
                "printf 'TX:\\t\\t1024\\nRX Buf Len:\\tn/a\\n'",
                "else",
                "printf 'Channel parameters for eth0:\\nPre-set maximums:\\nRX:\\t\\tn/a\\nCombined:\\t63\\n'",
                "printf 'Current hardware settings:\\nRX:\\t\\t2\\nTX:\\t\\tn/a\\nOther:\\t\\t1\\n'",
                "printf 'Combined:\\t12\\n'",
                "fi", ""));
        assertThat(ethtool.toFile().setExecutable(true)).isTrue();
        Path out = dir.resolve("cap");
        Result r = runWith(bin, "--dry-run", "-s", "1", "-i", "eth0", "-i", "eth1", "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("+ echo 'rx_ring.eth0=2048' >> " + out + "/capture.txt",
                "+ echo 'rx_queues.eth0=14' >> " + out + "/capture.txt")
                .doesNotContain("rx_ring.eth1", "rx_queues.eth1");
    }

    /**
     * Each NUMA node's CPUs, and each sampled interface's node and its
     * device's interrupts with their CPUs and names, go into capture.txt
     * (stand-in sysfs and procfs trees here; eth1 has no device, eth2 is a
     * virtio NIC).
     */
    @Test
    void theNodesAndEachInterfacesInterruptsAreWrittenDown() throws Exception {
        Path sys = dir.resolve("sys");
        Path proc = dir.resolve("proc");
        for (int node = 0; node < 2; node++) {
            Files.createDirectories(sys.resolve("devices/system/node/node" + node));
            Files.writeString(sys.resolve("devices/system/node/node" + node + "/cpulist"), node == 0 ? "0-3,8-11\n"
                    : "4-7,12-15\n");
        }
        Path device = Files.createDirectories(sys.resolve("class/net/eth0/device/msi_irqs"));
        Files.writeString(device.getParent().resolve("numa_node"), "1\n");
        Files.createDirectories(sys.resolve("class/net/eth1"));
        Files.createDirectories(proc.resolve("irq"));
        StringBuilder interrupts = new StringBuilder("            CPU0       CPU1\n");
        String[] names = {"mlx5_async0@pci:0000:03:00.0", "mlx5_comp0@pci:0000:03:00.0", "mlx5_comp1@pci:0000:03:00.0"};
        for (int i = 0; i < names.length; i++) {
            int irq = 98 + i;
            Files.createFile(device.resolve(Integer.toString(irq)));
            Path irqDir = Files.createDirectories(proc.resolve("irq/" + irq));
            Files.writeString(irqDir.resolve("smp_affinity_list"), "0-15\n");
            Files.writeString(irqDir.resolve("effective_affinity_list"), i == 2 ? "" : (4 + i) + "\n");
            interrupts.append(String.format(" %3d:          0          0  IR-PCI-MSI 157286%d-edge      %s%n", irq, i,
                    names[i]));
        }
        // a virtio NIC: the interrupts are its PCI function's, the parent of the virtio device
        Path pci = Files.createDirectories(sys.resolve("devices/pci0000:00/0000:00:03.0/virtio2"));
        Files.createDirectories(pci.resolveSibling("msi_irqs").resolve("37"));
        Files.createDirectories(sys.resolve("class/net/eth2"));
        Files.createSymbolicLink(sys.resolve("class/net/eth2/device"), pci);
        Files.writeString(Files.createDirectories(proc.resolve("irq/37")).resolve("effective_affinity_list"), "1\n");
        interrupts.append(" 37:          0       2146 PCI-MSIX-0000:00:03.0   1-edge      virtio2-input.0\n");
        Files.writeString(proc.resolve("interrupts"), interrupts);
        Path out = dir.resolve("cap");
        Result r = runWith(null, Map.of("PAGEPOOL_SYSFS", sys.toString(), "PAGEPOOL_PROCFS", proc.toString()),
                "--dry-run", "-s", "1", "-i", "eth0", "-i", "eth1", "-i", "eth2", "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String capture = " >> " + out + "/capture.txt";
        assertThat(r.out()).contains("+ echo 'node_cpus.0=0-3,8-11'" + capture, "+ echo 'node_cpus.1=4-7,12-15'"
                + capture, "+ echo 'numa_node.eth0=1'" + capture,
                "+ echo 'irq.eth0.98=4 mlx5_async0@pci:0000:03:00.0'" + capture,
                "+ echo 'irq.eth0.99=5 mlx5_comp0@pci:0000:03:00.0'" + capture,
                "+ echo 'irq.eth0.100=0-15 mlx5_comp1@pci:0000:03:00.0'" + capture, // where the effective one is empty
                "+ echo 'irq.eth2.37=1 virtio2-input.0'" + capture)
                .doesNotContain("numa_node.eth1", "irq.eth1");
    }

    /**
     * A real run (as root) where trace-cmd cannot enable ftrace, as in this
     * project's build VM: the script records through a tracefs instance of
     * its own instead, says so, and capture.txt says which tracer recorded.
     * The tracefs is a stand-in tree, so the trace stays empty.
     */
    @Test
    void whenTraceCmdFailsAsItBeginsTracefsRecordsInstead() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "[ \"$(id -u)\" = 0 ]").start().waitFor() == 0,
                "a real run needs root");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path traceCmd = bin.resolve("trace-cmd");
        Files.writeString(traceCmd, "#!/bin/sh\necho 'trace-cmd: Operation not permitted' >&2\nexit 1\n");
        assertThat(traceCmd.toFile().setExecutable(true)).isTrue();
        // tracefs makes an instance's event files as the directory is made; a plain tree needs them made too
        Path mkdir = bin.resolve("mkdir");
        Files.writeString(mkdir, String.join("\n", "#!/bin/sh", "for a; do", "  case $a in -*) continue ;; esac",
                "  /bin/mkdir -p \"$a\"", "  case $a in */instances/*) /bin/mkdir -p \"$a/events/page_pool\" ;; esac",
                "done", ""));
        assertThat(mkdir.toFile().setExecutable(true)).isTrue();
        Path sys = dir.resolve("sys");
        Files.createDirectories(sys.resolve("kernel/tracing/events/page_pool"));
        Files.createDirectories(sys.resolve("kernel/tracing/instances"));
        Files.writeString(sys.resolve("kernel/tracing/trace_clock"), "local global [boot] mono\n");
        Path out = dir.resolve("cap");
        Result r = runWith(bin, Map.of("PAGEPOOL_SYSFS", sys.toString()), "-s", "1", "-i", "lo", "-o",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("trace-cmd record failed as it began: recording through tracefs instead");
        assertThat(Files.readString(out.resolve("capture.txt"))).contains("tracer=trace-cmd\n", "tracer=tracefs\n",
                "trace_clock=boot\n", "end_uptime=");
        assertThat(out.resolve("dmesg.txt")).exists();
        assertThat(sys.resolve("kernel/tracing/instances")).as("its instance written and left (rmdir of a plain"
                + " directory with files fails here)").isNotEmptyDirectory();
    }

    @Test
    void withTraceCmdTheDryRunRecordsAndReports() throws Exception {
        Path out = dir.resolve("cap2");
        Result r = run("-n", "-s", "3", "-i", "eth0", "-o", out.toString(), "-t", "trace-cmd");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\+ trace-cmd record -q -C \\w+ -b 16384 -e page_pool -o " + out
                + "/trace\\.dat sleep 3")
                .contains("+ trace-cmd report -i " + out + "/trace.dat >> " + out + "/trace.txt");
    }

    @Test
    void aDirectoryWithFilesInItIsNotOverwritten() throws Exception {
        Files.writeString(dir.resolve("old.txt"), "x");
        assertThat(run("-n", "-o", dir.toString()).err()).isEqualTo("capture-page-pool.sh: error: " + dir
                + " exists and is not empty: give a new directory with --out\n");
    }

    @Test
    void shellcheckFindsNothing() throws Exception {
        boolean installed = new ProcessBuilder("sh", "-c", "command -v shellcheck").start().waitFor() == 0;
        assumeTrue(installed, "shellcheck is not installed (apt-get install -y shellcheck)");
        Process p = new ProcessBuilder("shellcheck", SCRIPT.toString()).redirectErrorStream(true).start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(report).isZero();
    }
}
