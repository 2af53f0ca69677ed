// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.script.ScriptRecorder;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.Simulation;

/**
 * {@code workload --preset FILE [--packets N | --seconds S] [--seed S]
 * [--record OUT.pool] [--csv OUT.csv --every MS]}: runs a preset headless, as
 * fast as it can, and prints the counters and how fast the simulator ran.
 */
final class WorkloadCommand {
    private WorkloadCommand() {
    }

    /** The command line, checked. */
    private record Options(String preset, long packets, double seconds, Long seed, String record, String csv,
                           double everyMs) {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: workload: " + e.getMessage());
            return 2;
        }
        Preset preset;
        try {
            preset = PresetFiles.load(options.preset());
        } catch (PresetFiles.BadPreset e) {
            err.println("error: " + e.located());
            return 2;
        }
        if (options.seed() != null) {
            preset = preset.withSeed(options.seed());
        }
        try (Outputs files = Outputs.open(options)) {
            return simulate(preset, options, files, out, err);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            err.println("error: workload: cannot write: " + describe(cause));
            return 2;
        }
    }

    private static int simulate(Preset preset, Options options, Outputs files, PrintStream out, PrintStream err)
            throws IOException {
        ScriptRecorder recorder = files.record == null ? null : new ScriptRecorder(files.record);
        Simulation sim;
        try {
            sim = preset.start(recorder);
        } catch (PoolCreateException e) {
            err.println("error: " + preset.name() + ": the preset's pool cannot be created: " + e.getMessage());
            return 2;
        }
        CsvSampler csv = files.csv == null ? null : new CsvSampler(files.csv, (long) (options.everyMs() * 1e6));
        long end = options.packets() > 0 ? Long.MAX_VALUE
                : (long) ((options.seconds() > 0 ? options.seconds() : preset.durationNs() / 1e9) * 1e9);
        long started = System.nanoTime();
        if (csv != null) {
            csv.header();
        }
        runUntil(sim, end, options.packets(), csv);
        double wall = (System.nanoTime() - started) / 1e9;
        if (recorder != null) {
            recorder.finish(sim.kernel());
        }
        report(preset, sim, wall, out);
        return 0;
    }

    /** Runs in big batches (the same steps as one by one), stopping for CSV samples and the packet count. */
    private static void runUntil(Simulation sim, long end, long packets, CsvSampler csv) {
        final long batch = 1 << 16;
        while (packets <= 0 || sim.packets() < packets) {
            long limit = csv != null ? Math.min(end, csv.nextSample()) : end;
            int result = packets > 0 ? sim.run(1, limit, 0) : sim.run(batch, limit, 0);
            if (result == Simulation.IDLE || result == Simulation.LATER) {
                if (csv != null && limit < end) {
                    sim.idleUntil(limit);
                    csv.sampleUntil(sim, limit + 1);
                    continue;
                }
                sim.idleUntil(end);
                if (csv != null) {
                    csv.sampleUntil(sim, end + 1);
                }
                return;
            }
        }
    }

    private static void report(Preset preset, Simulation sim, double wall, PrintStream out) {
        double simSeconds = sim.now() / 1e9;
        out.printf(Locale.ROOT, "preset: %s (%s), seed %d%n", preset.title(), preset.name(), sim.seed());
        for (PagePool pool : sim.pools()) {
            out.printf(Locale.ROOT, "pool %d (%s): %s%n", pool.id(), pool.state().word(), pool.stats().format());
            out.printf(Locale.ROOT, "pool %d state: cache=%d ring=%d hold=%d release=%d inflight=%d users=%d%n",
                    pool.id(), pool.allocCount(), pool.ring().count(), Integer.toUnsignedLong(pool.holdCount()),
                    Integer.toUnsignedLong(pool.releaseCount()), pool.inflightCount(),
                    Integer.toUnsignedLong(pool.users()));
        }
        out.println("nic: " + sim.driver().stats().format());
        out.println("stack: " + sim.stackStats().format());
        out.printf(Locale.ROOT, "memory: free=%d mapped=%d syncs=%d jiffies=%d%n", sim.kernel().mm().freePages(),
                sim.kernel().dma().mapped(), sim.kernel().dma().syncs(), sim.kernel().jiffies().now());
        out.printf(Locale.ROOT, "simulated: %.6f s, %d packets, %.3f Mpps%n", simSeconds, sim.packets(),
                simSeconds > 0 ? sim.packets() / simSeconds / 1e6 : 0.0);
        out.printf(Locale.ROOT, "wall clock: %.3f s, %.3f M packets per wall second%n", wall,
                wall > 0 ? sim.packets() / wall / 1e6 : 0.0);
        for (String line : sim.kernel().log().recent()) {
            out.println("! " + line);
        }
    }

    private static Options parse(String[] args) {
        String preset = null;
        long packets = 0;
        double seconds = 0;
        Long seed = null;
        String record = null;
        String csv = null;
        double every = 0;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument \"" + option + "\" (options start with --)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--preset":
                    preset = value;
                    break;
                case "--packets":
                    packets = positiveLong(option, value);
                    break;
                case "--seconds":
                    seconds = positiveDouble(option, value);
                    break;
                case "--seed":
                    seed = anyLong(option, value);
                    break;
                case "--record":
                    record = value;
                    break;
                case "--csv":
                    csv = value;
                    break;
                case "--every":
                    every = positiveDouble(option, value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option
                            + " (options: --preset, --packets, --seconds, --seed, --record, --csv, --every)");
            }
        }
        if (preset == null) {
            throw new IllegalArgumentException("needs --preset FILE");
        }
        if (packets > 0 && seconds > 0) {
            throw new IllegalArgumentException("give --packets or --seconds, not both");
        }
        if ((csv == null) != (every == 0)) {
            throw new IllegalArgumentException("--csv and --every go together (--csv OUT.csv --every MS)");
        }
        return new Options(preset, packets, seconds, seed, record, csv, every);
    }

    private static long positiveLong(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a whole number above 0, not \"" + value + "\"");
    }

    private static long anyLong(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not \"" + value + "\"");
        }
    }

    private static double positiveDouble(String option, String value) {
        try {
            double d = Double.parseDouble(value);
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a number above 0, not \"" + value + "\"");
    }

    static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return e.getMessage() + ": No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return e.getMessage() + ": Permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return e.getMessage();
    }

    /** The files the run writes, opened before it starts so a bad path fails at once. */
    private static final class Outputs implements AutoCloseable {
        final Writer record;
        final Writer csv;

        private Outputs(Writer record, Writer csv) {
            this.record = record;
            this.csv = csv;
        }

        static Outputs open(Options options) throws IOException {
            Writer record = options.record() == null ? null : writer(options.record());
            Writer csv;
            try {
                csv = options.csv() == null ? null : writer(options.csv());
            } catch (IOException e) {
                if (record != null) {
                    record.close();
                }
                throw e;
            }
            return new Outputs(record, csv);
        }

        private static Writer writer(String file) throws IOException {
            return new BufferedWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void close() throws IOException {
            try {
                if (record != null) {
                    record.close();
                }
            } finally {
                if (csv != null) {
                    csv.close();
                }
            }
        }
    }
}
