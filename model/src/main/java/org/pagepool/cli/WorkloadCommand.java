// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.pagepool.mm.HeapGuard;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.script.ScriptRecorder;
import org.pagepool.workload.HeapAdvice;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.Simulation;
import org.pagepool.workload.TracepointWriter;
import org.pagepool.workload.WorkloadParams;

/**
 * {@code workload}: runs a preset headless, as fast as it can, until the first
 * of its limits, and prints the counters, how fast the simulator ran and why
 * it stopped. {@code --record} and {@code --csv} files are complete or
 * untouched: they are written beside the target and renamed when done (also
 * after Ctrl-C, ending at a whole command and a whole row).
 */
final class WorkloadCommand {
    private WorkloadCommand() {
    }

    /**
     * The command line, checked.
     *
     * @param packets   0 for no limit
     * @param secondsNs 0 for no limit
     * @param everyNs   0 for the default: CSV needs it; ethtool and netlink then sample 20 times over the run
     */
    record Options(String preset, long packets, long secondsNs, Long seed, String record, String csv,
                   long everyNs, String emitTrace, String emitEthtool, String emitNetlink, boolean ethtool,
                   int threads) {
    }

    static int run(Options options, Io io) {
        Preset preset;
        try {
            preset = options.preset().equals(StandardInputCopy.ARGUMENT)
                    ? PresetFiles.load(io.in(), StandardInputCopy.NAME) : PresetFiles.load(options.preset());
        } catch (PresetFiles.BadPreset e) {
            io.err().println("error: " + e.located());
            return 2;
        }
        if (options.seed() != null) {
            preset = preset.withSeed(options.seed());
        }
        List<OutputFile> files = new ArrayList<>();
        try {
            OutputFile record = options.record() == null ? null : open(options.record(), files);
            OutputFile csv = options.csv() == null ? null : open(options.csv(), files);
            OutputFile trace = options.emitTrace() == null ? null : open(options.emitTrace(), files);
            OutputFile ethtool = options.emitEthtool() == null ? null : open(options.emitEthtool(), files);
            OutputFile netlink = options.emitNetlink() == null ? null : open(options.emitNetlink(), files);
            return simulate(preset, options, new Outputs(record, csv, trace, ethtool, netlink), io);
        } catch (OutputFile.Failed e) {
            io.err().println("error: " + e.getMessage());
            return 2;
        } finally {
            files.forEach(OutputFile::abandon); // no-op for the committed ones
        }
    }

    private static OutputFile open(String path, List<OutputFile> files) throws OutputFile.Failed {
        OutputFile file = OutputFile.create(path);
        files.add(file);
        return file;
    }

    /** The files asked for, null where not. */
    private record Outputs(OutputFile record, OutputFile csv, OutputFile trace, OutputFile ethtool,
                           OutputFile netlink) {
        OutputFile[] all() {
            return new OutputFile[] {record, csv, trace, ethtool, netlink};
        }
    }

    private static int simulate(Preset preset, Options options, Outputs outputs, Io io) {
        OutputFile recordFile = outputs.record();
        OutputFile csvFile = outputs.csv();
        OutputFile traceFile = outputs.trace();
        ScriptRecorder recorder = recordFile == null ? null : new ScriptRecorder(recordFile.writer());
        HeapReserve reserve = HeapReserve.take();
        Simulation sim;
        try {
            sim = preset.start(recorder);
        } catch (PoolCreateException e) {
            io.err().println("error: " + preset.name() + ": the preset's pool cannot be created: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            io.err().println("error: " + recordFile.failureMessage());
            return 2;
        } catch (OutOfMemoryError e) {
            reserve.release();
            io.err().println("error: " + lowHeap(preset, "the Java heap ran out (at most " + (HeapGuard.maxHeapBytes()
                    >> 20) + " MB)", preset.params(), 0, 0)); // while the NIC opened: before any output file is written
            return 2;
        }
        sim.runQueuesOn(options.threads());
        CsvSampler csv = csvFile == null ? null : new CsvSampler(csvFile.writer(), options.everyNs());
        if (traceFile != null) {
            sim.kernel().tracer().attach(new TracepointWriter(traceFile.writer(), sim.kernel(), sim::now));
        }
        WorkloadRun.Limits limits = new WorkloadRun.Limits(options.packets(), options.secondsNs(), preset.durationNs());
        // the emitted samples: at --every, else 20 over the run's length
        long everyNs = options.everyNs() > 0 ? options.everyNs() : Math.max(1, limits.endNs() / 20);
        List<Sampler> samplers = new ArrayList<>();
        if (csv != null) {
            samplers.add(csv);
        }
        if (outputs.ethtool() != null) {
            samplers.add(new EthtoolSampler(outputs.ethtool().writer(), everyNs));
        }
        if (outputs.netlink() != null) {
            NetlinkSampler netlink = new NetlinkSampler(outputs.netlink().writer(), everyNs, false, sim::now);
            sim.kernel().tracer().attach(netlink);
            samplers.add(netlink);
        }
        Sampler samples = Sampler.all(samplers);
        Progress progress = io.progress() ? Progress.on(io.err(), System::nanoTime) : Progress.none();
        io.stop().watch();
        long started = System.nanoTime();
        WorkloadRun.Stop stop;
        String failure = null;
        try (HeapGuard heap = HeapGuard.start()) {
            progress.start();
            try {
                if (csv != null) {
                    csv.header();
                }
                stop = new WorkloadRun(sim, limits, samples, io.stop(), heap, progress).run();
                if (samples != null) {
                    samples.finish(sim);
                }
                if (recorder != null) {
                    recorder.finish(sim.kernel());
                }
                if (recordFile != null) {
                    recordFile.commit();
                }
                if (csvFile != null) {
                    csvFile.commit();
                }
                for (OutputFile file : new OutputFile[] {traceFile, outputs.ethtool(), outputs.netlink()}) {
                    if (file != null) {
                        file.commit();
                    }
                }
            } catch (UncheckedIOException e) {
                stop = null;
                failure = failed(outputs.all());
            } catch (OutputFile.Failed e) {
                stop = null;
                failure = e.getMessage();
            } catch (OutOfMemoryError e) {
                // the guard did not turn in time (one huge allocation, or a NIC's rings filled at once): the same
                // message, with room to print it and the counters; the files are dropped
                reserve.release();
                stop = WorkloadRun.Stop.OUT_OF_HEAP;
                failure = lowHeap(preset, "the Java heap ran out (at most " + (HeapGuard.maxHeapBytes() >> 20)
                        + " MB)", sim.params(), sim.now(), sim.listedPacketBytes());
            } finally {
                progress.clear();
            }
            double wall = (System.nanoTime() - started) / 1e9;
            String stopped = stop == null ? "stopped at " + WorkloadReport.seconds(sim.now())
                    + " s: an output file could not be written" : WorkloadReport.stopped(stop, sim, limits);
            WorkloadReport.print(preset, sim, wall, stopped, options.ethtool(), io.out());
            if (failure != null) {
                io.err().println("error: " + failure);
                return 2;
            }
            if (recorder != null && recorder.endedEarly() != null) {
                io.err().println("warning: " + recordFile.shownName() + ": the recording stopped "
                        + recorder.endedEarly() + ", before the run did; it replays to the state at that point");
            }
            if (stop == WorkloadRun.Stop.LOW_HEAP) {
                io.err().println("error: " + lowHeap(preset, "the Java heap is nearly full (" + heap.describe() + ")",
                        sim.params(), sim.now(), sim.listedPacketBytes()));
                return 2;
            }
            return 0;
        }
    }

    /** Which output failed: the first one with a write error. */
    private static String failed(OutputFile... outputs) {
        OutputFile any = null;
        for (OutputFile file : outputs) {
            if (file != null && file.failure() != null) {
                return file.failureMessage();
            }
            any = any != null ? any : file;
        }
        return any.failureMessage();
    }

    /** {@code PRESET: the Java heap ... at T s:} and what to change. */
    private static String lowHeap(Preset preset, String heap, WorkloadParams params, long nowNs, long listedBytes) {
        long suggestMb = Math.max(1024, 2 * (HeapGuard.maxHeapBytes() >> 20));
        return preset.name() + ": " + heap + " at " + WorkloadReport.seconds(nowNs) + " s: "
                + HeapAdvice.of(params, listedBytes, HeapGuard.maxHeapBytes()) + ", or Java more heap (java -Xmx"
                + suggestMb + "m -jar pagepool-model.jar ...)";
    }
}
