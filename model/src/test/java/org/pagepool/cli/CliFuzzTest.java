// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer over the {@code .pool} and {@code .workload}
 * formats: the golden scripts and the shipped presets, mutated by
 * {@link Mutator}, each run through the real command line in this JVM with a
 * bounded workload. Every mutant must end, within a time bound, with exit
 * status 0, 1 or 2; a 2 with an {@code error: FILE[:LINE]: } line, a 1 with
 * {@code expect failed: FILE:LINE: }; never a stack trace, never an internal
 * error. {@code -Dfuzz.count=N} runs N mutants (default
 * {@value #DEFAULT_COUNT}), {@code -Dfuzz.seed=S} starts elsewhere; a failure
 * prints the seed and the mutant.
 */
class CliFuzzTest {
    private static final int DEFAULT_COUNT = 3000;
    private static final long DEFAULT_SEED = 20_261_204L;
    /** A bound on one mutant: a safety net against a hang, far above what any takes. */
    private static final long MUTANT_SECONDS = 30;

    @TempDir
    Path dir;

    private record Seed(Path file, byte[] text, boolean script) {
    }

    private record Outcome(int exit, String stdout, String stderr) {
    }

    @Test
    void everyMutantEndsWithAClearStatusAndMessage() throws Exception {
        int count = Integer.getInteger("fuzz.count", DEFAULT_COUNT);
        long firstSeed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        List<Seed> corpus = corpus();
        int[] byExit = new int[3];
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-mutant");
            t.setDaemon(true); // a hung mutant must not keep the test JVM alive
            return t;
        });
        try {
            for (int i = 0; i < count; i++) {
                long seed = firstSeed + i;
                Seed original = corpus.get((int) Math.floorMod(seed, (long) corpus.size()));
                byte[] mutant = new Mutator(seed).mutate(original.text());
                byExit[check(runner, seed, original, mutant)]++;
            }
        } finally {
            runner.shutdownNow();
        }
        if (count >= 1000) {
            // mutants that still run and mutants that are refused: the fuzzer reaches past the parsers
            assertThat(byExit[0]).as("mutants that ran (exit 0)").isGreaterThan(count / 20);
            assertThat(byExit[2]).as("mutants refused (exit 2)").isGreaterThan(count / 20);
        }
    }

    /** Random command lines: verbs, options and values in any order, repeated, misspelt or missing. */
    @Test
    void everyRandomCommandLineEndsWithAClearStatusAndMessage() throws Exception {
        int count = Integer.getInteger("fuzz.count", DEFAULT_COUNT) / 3;
        long firstSeed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        String preset = Path.of("..", "assets", "scenarios", "01-xdp-drop.workload").toString();
        String[] words = {"run", "workload", "help", "--help", "-h", "--preset", "--packets", "--seconds", "--seed",
            "--record", "--csv", "--every", "--preset=" + preset, "--secnds", "-", "--", "", " ", "@args", preset,
            dir.resolve("out.pool").toString(), dir.resolve("out.csv").toString(), dir.toString(), "x\0y", "1",
            "0", "-1", "2k", "1e-300", "1e400", "0x1p-3", "1d", "NaN", "0.001", "100", "9".repeat(50),
            GoldenTraceTest.goldenDir().resolve("01-spec-example.pool").toString()};
        for (int i = 0; i < count; i++) {
            Random random = new Random(firstSeed + i);
            List<String> args = new ArrayList<>();
            int n = random.nextInt(7);
            for (int w = 0; w < n; w++) {
                args.add(words[random.nextInt(words.length)].replace("\\0", "\0"));
            }
            if (args.contains("workload") && !args.contains("--help") && !args.contains("-h")) {
                args.add("--seconds"); // bounded: refused as a repeat when already there
                args.add("0.001");
            }
            Outcome o = run(args.toArray(String[]::new));
            String context = "seed " + (firstSeed + i) + ": " + args + "\nexit " + o.exit() + ", stderr:\n"
                    + o.stderr();
            assertThat(o.exit()).as(context).isBetween(0, 2);
            assertThat(o.stderr()).as(context).doesNotContain("internal error").doesNotContain("Exception")
                    .doesNotContain("\tat ");
            if (o.exit() == 2 && !o.stderr().startsWith("Usage:")) {
                assertThat(o.stderr().lines()).as(context).hasSize(1);
                assertThat(o.stderr()).as(context).startsWith("error: ");
            }
        }
    }

    /** Runs one mutant and checks how it ended; returns its exit status. */
    private int check(ExecutorService runner, long seed, Seed original, byte[] mutant) throws Exception {
        Path file = dir.resolve("mutant" + (original.script() ? ".pool" : ".workload"));
        Files.write(file, mutant);
        String name = file.toString();
        String[] args = original.script() ? new String[] {"run", name}
                : new String[] {"workload", "--preset", name, "--packets", "2000", "--seconds", "0.002"};
        Future<Outcome> future = runner.submit(() -> run(args));
        Outcome o;
        String context = "seed " + seed + " (-Dfuzz.seed=" + seed + " -Dfuzz.count=1), mutant of "
                + original.file().getFileName() + ":\n" + Mutator.show(mutant) + "\n";
        try {
            o = future.get(MUTANT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(context + "did not end within " + MUTANT_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new AssertionError(context + "threw " + e.getCause(), e.getCause());
        }
        context += "exit " + o.exit() + ", stderr:\n" + o.stderr();
        assertThat(o.exit()).as(context).isBetween(0, 2);
        assertThat(o.stderr()).as(context).doesNotContain("internal error").doesNotContain("Exception")
                .doesNotContain("\tat ").doesNotContain("Error:");
        String first = o.stderr().lines().findFirst().orElse("");
        String quoted = Pattern.quote(name);
        if (o.exit() == 2) {
            assertThat(first).as(context).matches("error: " + quoted + "(:[1-9][0-9]*)?: .+");
        } else if (o.exit() == 1) {
            assertThat(original.script()).as(context + "exit 1 only for a failed expect").isTrue();
            assertThat(first).as(context).matches("expect failed: " + quoted + ":[1-9][0-9]*: .+");
        } else {
            assertThat(o.stderr()).as(context).isEmpty();
        }
        return o.exit();
    }

    private static Outcome run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The golden scripts and the shipped presets, in a fixed order. */
    private static List<Seed> corpus() throws IOException {
        List<Seed> corpus = new ArrayList<>();
        for (Path script : GoldenTraceTest.goldenScripts()) {
            corpus.add(new Seed(script, Files.readAllBytes(script), true));
        }
        try (Stream<Path> presets = Files.list(Path.of("..", "assets", "scenarios"))) {
            for (Path preset : presets.filter(p -> p.toString().endsWith(".workload")).sorted().toList()) {
                corpus.add(new Seed(preset, Files.readAllBytes(preset), false));
            }
        }
        assertThat(corpus).hasSizeGreaterThan(30);
        return corpus;
    }
}
