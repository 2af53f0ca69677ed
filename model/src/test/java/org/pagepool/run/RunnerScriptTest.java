// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pagepool.script.Script;
import org.pagepool.script.ScriptFiles;
import org.pagepool.trace.TraceEvent;
import org.pagepool.trace.Tracer;
import org.pagepool.view.ModelView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.Param;

/**
 * Scripts through the runner (its core, on the test's thread): line by line, back and forth; and what a model failure
 * does.
 */
class RunnerScriptTest {
    private static final long GENEROUS_NS = 60_000_000_000L; // of manual wall time: a bound on ticks

    private SyncRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    private static Path golden(String name) throws Exception {
        return Path.of(RunnerScriptTest.class.getResource("/golden/" + name).toURI());
    }

    /** Applies {@code command} in one tick: the view it brings must already show {@code expected}. */
    private ModelView command(RunnerCommand command, Predicate<ModelView> expected, String what) {
        ModelView view = runner.apply(command);
        assertThat(view).as(what).matches(expected, what);
        return view;
    }

    @Test
    void aGoldenScriptStepsLineByLineWithItsTraceAndGoesBack() throws Exception {
        Script script = ScriptFiles.load(golden("02-ring-path.pool"), "02-ring-path.pool");
        List<String> expected = Files.readAllLines(golden("02-ring-path.trace"));
        runner = SyncRunner.script(script);
        for (int i = 0; i < expected.size(); i++) {
            int lines = i + 1;
            ModelView view = command(new RunnerCommand.Step(Unit.KERNEL_CALL),
                    v -> v.script().trace().size() == lines, "line " + lines);
            assertThat(view.script().lastTraceLine()).isEqualTo(expected.get(i));
            assertThat(view.script().lastLine()).isEqualTo(Integer.parseInt(expected.get(i).split(" ")[0]));
        }
        ModelView end = command(new RunnerCommand.Step(Unit.KERNEL_CALL), v -> v.state() == RunnerState.ENDED,
                "the end");
        assertThat(end.script().trace()).isEqualTo(expected);
        ModelView back = command(new RunnerCommand.StepBack(Unit.PACKET), v -> v.position() < end.position(),
                "one line back");
        assertThat(back.script().trace()).isEqualTo(expected.subList(0, expected.size() - 1));
        assertThat(back.state()).isEqualTo(RunnerState.PAUSED);
        assertThat(back.pools().list().get(0).stats().refill()).isEqualTo(2); // the last line was stats: nothing undone
    }

    @Test
    void aScriptErrorStopsItAndShowsTheMessage() throws Exception {
        Script script = ScriptFiles.load(golden("err-2-put-cached.pool"), "err-2-put-cached.pool");
        runner = SyncRunner.script(script);
        runner.submit(new RunnerCommand.Speed(Double.POSITIVE_INFINITY));
        runner.submit(new RunnerCommand.Play());
        ModelView view = runner.runUntil(v -> v.state() == RunnerState.ERROR, GENEROUS_NS, "the error");
        assertThat(view.error()).startsWith("error: err-2-put-cached.pool:8:");
        assertThat(view.script().lastLine()).isEqualTo(8);
    }

    @Test
    void aScriptPlayedSlowlyPublishesTheEventsOfItsVeryFirstLine() throws Exception {
        runner = SyncRunner.script(ScriptFiles.load(golden("01-spec-example.pool"), "01-spec-example.pool"));
        runner.submit(new RunnerCommand.Speed(10)); // 20 lines a second: slow enough to animate every line
        runner.submit(new RunnerCommand.Play());
        ModelView first = runner.runUntil(v -> v.position() >= 1, GENEROUS_NS, "the first line");
        assertThat(first.eventsOn()).isTrue();
        List<TraceEvent> events = new ArrayList<>();
        runner.drainEvents(events::add, 10_000);
        assertThat(events).as("the first line's step").anyMatch(e -> e instanceof StepDone d && d.position() == 1);
    }

    @Test
    void aScriptHasNoWorkloadParametersToChange() throws Exception {
        runner = SyncRunner.script(ScriptFiles.load(golden("01-spec-example.pool"), "01-spec-example.pool"));
        ModelView view = command(new RunnerCommand.SetParam(Param.RATE, 1), v -> v.error() != null, "a refusal");
        assertThat(view.error()).contains("script");
    }

    @Test
    void aFailingModelPutsTheRunnerInTheErrorStateAndALoadLeavesIt() throws Exception {
        runner = new SyncRunner(new Exploding());
        ModelView failed = command(new RunnerCommand.Step(Unit.KERNEL_CALL), v -> v.state() == RunnerState.ERROR,
                "the failure");
        assertThat(failed.error()).contains("the model failed").contains("broken on purpose");
        Script script = ScriptFiles.load(golden("01-spec-example.pool"), "01-spec-example.pool");
        ModelView loaded = command(new RunnerCommand.LoadScript(script), v -> v.state() == RunnerState.PAUSED,
                "a fresh script");
        assertThat(loaded.error()).isNull();
        assertThat(loaded.script().file()).isEqualTo("01-spec-example.pool");
    }

    @Test
    void aRunThatFillsTheHeapStartsAgainPausedAndSaysWhatToChange() throws Exception {
        Exploding session = new Exploding(() -> new OutOfMemoryError("Java heap space"));
        runner = new SyncRunner(session);
        runner.submit(new RunnerCommand.Speed(Double.POSITIVE_INFINITY));
        runner.submit(new RunnerCommand.Play());
        ModelView ranOut = runner.runUntil(v -> v.error() != null, GENEROUS_NS, "the heap running out");

        assertThat(ranOut.state()).isEqualTo(RunnerState.PAUSED);
        assertThat(ranOut.error()).contains("Java heap").contains("starts again").contains("memory pages=")
                .contains("-Xmx").doesNotContain("OutOfMemoryError");
        assertThat(session.restarts).isEqualTo(1);
        runner.submit(new RunnerCommand.Play()); // not the error state, where play does nothing: it runs again
        runner.runUntil(v -> session.restarts == 2, GENEROUS_NS, "the second run out of heap");
    }

    /** A session whose every step throws, like a model with a broken invariant or a heap that ran out. */
    private static final class Exploding implements Session {
        private final ScriptSession inner = new ScriptSession(new Script("x.pool", List.of(), List.of()));
        private final Supplier<Throwable> failure;
        int restarts;

        Exploding() {
            this(() -> new IllegalStateException("broken on purpose"));
        }

        Exploding(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public int run(long maxSteps, long untilNs, int stopFlags) {
            Throwable t = failure.get();
            if (t instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) t;
        }

        @Override
        public void restart() {
            restarts++;
        }

        @Override
        public void idleUntil(long ns) {
        }

        @Override
        public boolean finished() {
            return false;
        }

        @Override
        public long position() {
            return 0;
        }

        @Override
        public long timeNs() {
            return 0;
        }

        @Override
        public long nextStepTime() {
            return 0;
        }

        @Override
        public void restore(long target) {
        }

        @Override
        public void seek(long ns, BooleanSupplier abandon) {
        }

        @Override
        public long previousBoundary(long position, int flags) {
            return 0;
        }

        @Override
        public Tracer tracer() {
            return inner.tracer();
        }

        @Override
        public String set(Param param, double value) {
            return "no";
        }

        @Override
        public String reload() {
            return "no";
        }

        @Override
        public Session reset(long seed) {
            return this;
        }

        @Override
        public void paused() {
        }

        @Override
        public ModelView view(RunnerStatus status) {
            return inner.view(status);
        }
    }
}
