// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageRef;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;
import org.pagepool.script.Command;
import org.pagepool.script.Script;
import org.pagepool.script.ScriptParser;
import org.pagepool.script.ScriptRunner;
import org.pagepool.script.ScriptSyntaxError;
import org.pagepool.script.State;
import org.pagepool.script.StepResult;
import org.pagepool.trace.Place;

/**
 * Random mixes of every script command, over many seeds, with the model's
 * conservation laws checked after every step (120 seeds x 1000 steps).
 * A failure names the seed and prints the script up to the failing line.
 */
class RandomScriptInvariantsTest {
    private static final int STEPS = 1000;

    static LongStream seeds() {
        return LongStream.range(1, 121);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyStepKeepsEveryPageInExactlyOnePlace(long seed) throws ScriptSyntaxError {
        ScriptRunner runner = new ScriptRunner(new Script("random-" + seed + ".pool", List.of(), List.of()));
        PageTracker tracker = new PageTracker(runner.kernel());
        runner.kernel().tracer().attach(tracker);
        RandomScript writer = new RandomScript(new Random(seed), runner.kernel(), tracker);
        List<String> lines = new ArrayList<>();
        long lost = 0;
        long lostMapped = 0;
        PagePool lostPool = null;

        String line = writer.memory();
        for (int step = 1; step <= STEPS; step++) {
            lines.add(line);
            Command command = ScriptParser.parseLine(step, line);
            if (command instanceof Command.Drop drop) {
                MemMap memmap = runner.kernel().mm().memMap();
                int page = heldPage(memmap, tracker, runner.pool(), drop.handle());
                if (page != PageRef.NULL && memmap.pageRefCount(page) == 1) {
                    lostPool = runner.pool();
                    lost++;
                    lostMapped += memmap.dmaAddr(page) != 0 ? 1 : 0;
                }
            }
            StepResult result = runner.run(command);
            assertThat(result.outcome()).as(context(seed, lines, result.error())).isEqualTo(StepResult.Outcome.OK);
            if (runner.pool() != lostPool) {
                lost = 0; // a new pool: the old one could not have been freed with pages lost
            }
            String broken = Invariants.script(runner.kernel(), runner.pool(), tracker, lost, lostMapped);
            assertThat(broken).as(context(seed, lines, broken)).isNull();
            line = writer.next(runner.pool());
        }
    }

    /** A page the driver holds in the current pool, by handle (for counting pages a drop loses). */
    private static int heldPage(MemMap memmap, PageTracker tracker, PagePool pool, int handle) {
        for (int page : tracker.pages(pool.id(), Place.DRIVER)) {
            if (memmap.handle(page) == handle) {
                return page;
            }
        }
        return PageRef.NULL;
    }

    private static String context(long seed, List<String> lines, String problem) {
        StringBuilder text = new StringBuilder("seed " + seed + ": " + problem + "\nscript so far:\n");
        int from = Math.max(0, lines.size() - 40);
        for (int i = from; i < lines.size(); i++) {
            text.append(i + 1).append(": ").append(lines.get(i)).append('\n');
        }
        return text.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRefusedCommandChangesNothing(long seed) throws ScriptSyntaxError {
        ScriptRunner runner = new ScriptRunner(new Script("refusals-" + seed + ".pool", List.of(), List.of()));
        PageTracker tracker = new PageTracker(runner.kernel());
        runner.kernel().tracer().attach(tracker);
        Random random = new Random(seed);
        RandomScript writer = new RandomScript(random, runner.kernel(), tracker);
        runner.run(ScriptParser.parseLine(1, writer.memory()));
        for (int step = 2; step < 300; step++) {
            runner.run(ScriptParser.parseLine(step, writer.next(runner.pool())));
            PagePool pool = runner.pool();
            if (pool == null || pool.state() == PoolState.FREED) {
                continue;
            }
            List<Integer> notHeld = new ArrayList<>(tracker.pages(pool.id(), Place.ALLOC_CACHE));
            notHeld.addAll(tracker.pages(pool.id(), Place.PTR_RING));
            notHeld.addAll(tracker.pages(pool.id(), Place.DETACHED));
            if (notHeld.isEmpty()) {
                continue;
            }
            int page = notHeld.get(random.nextInt(notHeld.size()));
            String[] verbs = {"put", "recycle", "put_bulk", "skb_free", "release"};
            String bad = verbs[random.nextInt(verbs.length)] + " p="
                    + Integer.toUnsignedString(runner.kernel().mm().memMap().handle(page));
            State before = runner.state();
            String stats = pool.stats().format();
            StepResult refused = runner.run(ScriptParser.parseLine(step, bad));
            assertThat(refused.outcome()).as("seed %d: %s", seed, bad).isEqualTo(StepResult.Outcome.ERROR);
            assertThat(runner.state()).as("seed %d: state after %s", seed, bad).isEqualTo(before);
            assertThat(pool.stats().format()).as("seed %d: counters after %s", seed, bad).isEqualTo(stats);
        }
    }
}
