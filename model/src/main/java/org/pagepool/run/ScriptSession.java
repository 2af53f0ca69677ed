// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;
import org.pagepool.script.Script;
import org.pagepool.script.ScriptRunner;
import org.pagepool.script.StepResult;
import org.pagepool.trace.Tracer;
import org.pagepool.view.GuideView;
import org.pagepool.view.LoadedView;
import org.pagepool.view.ModelView;
import org.pagepool.view.PageSlots;
import org.pagepool.view.PoolView;
import org.pagepool.view.PoolsView;
import org.pagepool.view.QueuesView;
import org.pagepool.view.RunnerState;
import org.pagepool.view.ScriptView;
import org.pagepool.view.StackView;
import org.pagepool.view.StatusView;
import org.pagepool.workload.Param;

/**
 * A {@code .pool} script stepped through line by line. Every unit of step is
 * one line; going back re-runs the script from its start to the line before
 * (scripts are short, and the runner is deterministic). Worker thread only.
 */
final class ScriptSession implements Session {
    /** A line marks its step as a kernel call, a packet and a poll at once: every unit stops at it. */
    private static final int LINE = Unit.KERNEL_CALL.flags() | Unit.PACKET.flags() | Unit.POLL.flags();
    /** A line's share of time: at speed 1 a script plays two lines a second. */
    static final long LINE_NS = ScriptView.LINE_NS;

    private final Script script;
    private ScriptRunner runner;
    private final List<String> trace = new ArrayList<>();
    private int lastLine;
    private String error;
    /** Set when the model itself failed on a line: nothing more runs. */
    private boolean broken;
    private long position;

    ScriptSession(Script script) {
        this.script = script;
        this.runner = new ScriptRunner(script);
    }

    @Override
    public int run(long maxSteps, long untilNs, int stopFlags) {
        int flags = 0;
        for (long i = 0; i < maxSteps; i++) {
            if (finished()) {
                return IDLE;
            }
            if ((position + 1) * LINE_NS > untilNs) {
                return LATER;
            }
            StepResult step;
            try {
                step = runner.step();
            } catch (RuntimeException | StackOverflowError e) {
                // a bug of ours, not of the script: say where the script was
                int line = runner.peek() == null ? lastLine : runner.peek().line();
                error = "error: " + script.fileName() + ":" + line + ": internal error in the model: " + e;
                broken = true;
                return IDLE;
            }
            position++;
            lastLine = step.line();
            for (String message : step.kernelMessages()) {
                trace.add("! " + message);
            }
            if (step.outcome() == StepResult.Outcome.OK) {
                trace.add(step.traceLine());
            } else {
                error = (step.outcome() == StepResult.Outcome.EXPECT_FAILED ? "expect failed: " : "error: ")
                        + script.fileName() + ":" + step.line() + ": " + step.error();
            }
            flags = LINE;
            if ((flags & stopFlags) != 0) {
                return flags;
            }
        }
        return flags;
    }

    @Override
    public void idleUntil(long ns) {
        // a script has no clock of its own between lines
    }

    @Override
    public long position() {
        return position;
    }

    /** Exactly one line per {@value #LINE_NS} ns. */
    @Override
    public double expectedStepsPerSimSecond() {
        return 1e9 / LINE_NS;
    }

    /** A script's "time" counts lines, {@value #LINE_NS} ns each, so that speed means lines per second. */
    @Override
    public long timeNs() {
        return position * LINE_NS;
    }

    @Override
    public long nextStepTime() {
        return runner.hasNext() ? (position + 1) * LINE_NS : Long.MAX_VALUE;
    }

    @Override
    public boolean finished() {
        return broken || !runner.hasNext();
    }

    @Override
    public void restore(long target) {
        if (target < position) {
            rewind();
        }
        run(target - position, Long.MAX_VALUE, 0);
    }

    @Override
    public void restart() {
        rewind();
    }

    /** Back to before the first line, the old model let go of first. */
    private void rewind() {
        runner = null;
        trace.clear();
        runner = new ScriptRunner(script);
        error = null;
        broken = false;
        lastLine = 0;
        position = 0;
    }

    @Override
    public void seek(long ns, BooleanSupplier abandon) {
        restore(Math.max(0, ns / LINE_NS));
    }

    /** The runner was replaced: observers attach to the new kernel's tracer. */
    @Override
    public Tracer tracer() {
        return runner.kernel().tracer();
    }

    @Override
    public long previousBoundary(long position, int flags) {
        return Math.max(0, position - 1);
    }

    @Override
    public String set(Param param, double value) {
        return "a script has no workload parameters: its lines say what happens";
    }

    @Override
    public String reload() {
        return "a script has no driver to reload";
    }

    @Override
    public Session reset(long seed) {
        return new ScriptSession(script);
    }

    @Override
    public void paused() {
        // nothing to keep: going back re-runs the script
    }

    @Override
    public ModelView view(RunnerStatus status) {
        var kernel = runner.kernel();
        List<PoolView> pools = new ArrayList<>();
        PagePool pool = runner.pool();
        if (pool != null && pool.state() != PoolState.FREED) {
            pools.add(PoolView.of(pool, kernel.mm().memMap()));
        }
        int next = runner.peek() == null ? 0 : runner.peek().line();
        int[] shown = new int[LiveSession.SOCKETS_SHOWN];
        int count = runner.heldPages(shown);
        ScriptView view = new ScriptView(script.fileName(), script.sourceLines(), lastLine, next, trace, error);
        StatusView state = status.view(error != null ? RunnerState.ERROR : status.state(),
                error != null ? error : status.error(), position, timeNs(), kernel.jiffies().now(), -1);
        LoadedView loaded = new LoadedView(script.fileName(), script.fileName(), 0, null, null, view);
        StackView held = new StackView(null, PageSlots.of(kernel.mm().memMap(), shown, Math.min(count, shown.length)),
                count);
        return new ModelView(state, loaded, status.kernel(kernel), PoolsView.of(pools), null, null, held,
                QueuesView.NONE, GuideView.NONE);
    }

    /** The script runner (its kernel is the live model: worker thread only). */
    ScriptRunner runner() {
        return runner;
    }
}
