// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.util.concurrent.Callable;
import org.pagepool.text.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workload --preset FILE ...}: the verb's options, checked; {@link WorkloadCommand} runs it. */
@Command(name = "workload", sortOptions = false,
        description = {"Run a workload preset headless, as fast as possible, and print its counters.",
            "The run stops at --packets, at --seconds or at the preset's duration, whichever comes first, "
                + "and says why. Numbers are written 12, 0.5 or 2e6; --packets also 100k, 2M or 1G."})
final class WorkloadVerb implements Callable<Integer> {
    private final Io io;

    @Option(names = "--preset", required = true, paramLabel = "FILE",
            description = "the .workload preset (- reads it from standard input)")
    String preset;

    @Option(names = "--packets", paramLabel = "N", converter = OptionValues.Packets.class,
            description = "stop after N packets (1 to 1e15)")
    Long packets;

    @Option(names = "--seconds", paramLabel = "S", converter = OptionValues.Seconds.class,
            description = "stop after S simulated seconds (0.000000001 to 1000000)")
    Long secondsNs;

    @Option(names = "--seed", paramLabel = "SEED", converter = OptionValues.Seed.class,
            description = "another seed than the preset's (a whole number, at most 18 digits)")
    Long seed;

    @Option(names = "--record", paramLabel = "OUT.pool",
            description = "write the pool calls as a .pool script that replays to the same state")
    String record;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "write the counters as CSV rows (with --every)")
    String csv;

    @Option(names = "--every", paramLabel = "MS", converter = OptionValues.EveryMs.class,
            description = "a CSV row, ethtool -S snapshot or netlink dump every MS simulated milliseconds (at least"
                    + " 0.000001, the clock's 1 ns); without it the snapshots and dumps come 20 times over the run's"
                    + " length")
    Long everyNs;

    @Option(names = "--emit-trace", paramLabel = "OUT.txt",
            description = "write the page_pool tracepoints as /sys/kernel/tracing/trace prints them (for import)")
    String emitTrace;

    @Option(names = "--emit-ethtool", paramLabel = "OUT.txt",
            description = "write ethtool -S eth0 snapshots, each after a \"# time\" line, as"
                    + " tools/capture-page-pool.sh records them (for import)")
    String emitEthtool;

    @Option(names = "--emit-netlink", paramLabel = "OUT.txt",
            description = "write the YNL CLI's page-pool-get and page-pool-stats-get dumps (JSON), each after a"
                    + " \"# time\" line, as tools/capture-page-pool.sh records them (for import)")
    String emitNetlink;

    @Option(names = "--queue-stats", paramLabel = "FORM",
            description = "each queue's counters: lines (the default for several queues) or ethtool (as ethtool -S"
                    + " names them on real drivers: rx0_pp_alloc_fast, rx_pp_alloc_fast for the sum)")
    String queueStats;

    @Option(names = "--threads", paramLabel = "N", converter = OptionValues.Threads.class,
            description = "run a NIC's queues on N threads, 1 to 64 (default: the machine's CPUs); the counters are"
                    + " the same for any N")
    Integer threads;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    WorkloadVerb(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        String problem = problem();
        if (problem != null) {
            io.err().println("error: workload: " + problem);
            return 2;
        }
        return WorkloadCommand.run(new WorkloadCommand.Options(preset, packets == null ? 0 : packets,
                secondsNs == null ? 0 : secondsNs, seed, record, csv, everyNs == null ? 0 : everyNs, emitTrace,
                emitEthtool, emitNetlink, "ethtool".equals(queueStats),
                threads == null ? Runtime.getRuntime().availableProcessors() : threads), io);
    }

    /** What is wrong with options that are fine one by one, or null. */
    private String problem() {
        if (queueStats != null && !queueStats.equals("lines") && !queueStats.equals("ethtool")) {
            return "--queue-stats is lines or ethtool, not " + Tokens.quote(queueStats);
        }
        if (csv != null && everyNs == null) {
            return "--csv and --every go together (--csv OUT.csv --every MS)";
        }
        if (everyNs != null && csv == null && emitEthtool == null && emitNetlink == null) {
            return "--every goes with --csv, --emit-ethtool or --emit-netlink (--csv OUT.csv --every MS)";
        }
        String[][] outputs = {{"--record", record, "the recording"}, {"--csv", csv, "the CSV"},
            {"--emit-trace", emitTrace, "the trace"}, {"--emit-ethtool", emitEthtool, "the ethtool samples"},
            {"--emit-netlink", emitNetlink, "the netlink dumps"}};
        for (String[] out : outputs) {
            if (out[1] != null && out[1].isEmpty()) {
                return out[0] + " needs a file name";
            }
            if (StandardInputCopy.ARGUMENT.equals(out[1])) {
                return out[0] + " - : standard output carries the counters; give " + out[2] + " a file name";
            }
        }
        for (String[] out : outputs) {
            if (out[1] != null && SamePath.same(out[1], preset)) {
                return out[0] + " " + OutputFile.shown(out[1]) + " is the preset itself: it would be overwritten"
                        + " (write " + out[2] + " to another file)";
            }
        }
        for (int i = 0; i < outputs.length; i++) {
            for (int j = i + 1; j < outputs.length; j++) {
                if (outputs[i][1] != null && outputs[j][1] != null && SamePath.same(outputs[i][1], outputs[j][1])) {
                    return outputs[i][0] + " and " + outputs[j][0] + " name the same file, "
                            + OutputFile.shown(outputs[j][1]) + ": each needs its own";
                }
            }
        }
        return null;
    }
}
