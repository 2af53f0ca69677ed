// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The spec's "Several pools": numbered slots, each with its own pool, lifecycle and handles. */
class PoolSlotsTest {
    /** Runs every line; returns the results (the last one may be a refusal). */
    private static List<StepResult> run(String text) throws ScriptSyntaxError {
        ScriptRunner runner = new ScriptRunner(ScriptParser.parse("t.pool", Arrays.asList(text.split("\n"))));
        List<StepResult> steps = new ArrayList<>();
        while (runner.hasNext()) {
            steps.add(runner.step());
        }
        return steps;
    }

    private static StepResult last(String text) throws ScriptSyntaxError {
        List<StepResult> steps = run(text);
        return steps.get(steps.size() - 1);
    }

    @Test
    void aScriptStartsInSlotOneAndPoolOneChangesNothing() throws ScriptSyntaxError {
        List<StepResult> plain = run("create\nalloc n=3\nstats");
        List<StepResult> slotOne = run("pool 1\ncreate\nalloc n=3\nstats");
        assertThat(slotOne.get(0).result()).isEqualTo("ok");
        assertThat(slotOne.subList(1, 4)).extracting(StepResult::result)
                .containsExactlyElementsOf(plain.stream().map(StepResult::result).toList());
        assertThat(slotOne.get(3).state()).isEqualTo(plain.get(2).state());
    }

    @Test
    void eachSlotHasItsOwnLifecycleAndCountersWhileFreeAndMappedAreGlobal() throws ScriptSyntaxError {
        List<StepResult> steps = run("create flags=DMA_MAP\nalloc n=2\npool 3\nexpect pool=none hold=0 free=4032"
                + " mapped=64\ncreate flags=DMA_MAP\nalloc\ndestroy\npool 1\n"
                + "expect pool=alive hold=64 cache=62\nstats");
        assertThat(steps).allMatch(s -> s.outcome() == StepResult.Outcome.OK);
        assertThat(steps.get(6).state().pool()).isEqualTo("deferred");
        assertThat(steps.get(9).result()).startsWith("fast=1 slow=1 ");
        assertThat(steps.get(9).state().mapped()).isEqualTo(65);
    }

    @Test
    void createIsRefusedOnlyWhileTheCurrentSlotIsAliveOrDeferred() throws ScriptSyntaxError {
        StepResult refused = last("create\nalloc\ndestroy\ncreate");
        assertThat(refused.outcome()).isEqualTo(StepResult.Outcome.ERROR);
        assertThat(refused.error()).contains("slot 1").contains("deferred");
        assertThat(last("create\nalloc\ndestroy\npool 2\ncreate").result()).isEqualTo("ok");
    }

    @Test
    void aHandleNamesOnlyThePagesOfTheCurrentSlot() throws ScriptSyntaxError {
        // slot 2's order-1 pool issues one handle per page: p1
        StepResult other = last("create\nalloc n=2\npool 2\ncreate order=1\nalloc\npool 1\nget p=63\n"
                + "pool 2\nget p=1\nget p=63");
        assertThat(other.outcome()).isEqualTo(StepResult.Outcome.ERROR);
        assertThat(other.error()).contains("p63").contains("never issued");
        assertThat(last("create\nalloc n=2\npool 2\ncreate order=1\nalloc\npool 1\nrecycle p=63").result())
                .as("slot 1 still knows its own p63 after slot 2 issued handles").isEqualTo("cache");
    }

    @Test
    void recreatingASlotForgetsOnlyThatSlotsHandles() throws ScriptSyntaxError {
        StepResult step = last("create\nalloc n=2\npool 2\ncreate\nalloc\ndestroy\nput p=64\n"
                + "tick ms=1000\nexpect pool=freed\ncreate\npool 1\nrecycle p=63");
        assertThat(step.outcome()).isEqualTo(StepResult.Outcome.OK);
        assertThat(step.result()).isEqualTo("cache");
    }

    @Test
    void memoryIsRefusedAfterACreateInAnySlot() throws ScriptSyntaxError {
        StepResult step = last("pool 5\ncreate\npool 1\nmemory pages=512");
        assertThat(step.outcome()).isEqualTo(StepResult.Outcome.ERROR);
        assertThat(step.error()).contains("memory");
    }

    @Test
    void deferredPoolsInSeveralSlotsRetryOnTheSameJiffyInTheOrderTheyWereScheduled() throws ScriptSyntaxError {
        // destroyed in slots 4, 2, 3 (in that order), each with a different number of pages out
        List<StepResult> steps = run("pool 4\ncreate\nalloc\ndestroy\npool 2\ncreate\nalloc n=2\ndestroy\n"
                + "pool 3\ncreate\nalloc n=3\ndestroy\ntick ms=60000\ntick ms=60000");
        StepResult first = steps.get(12);
        assertThat(first.kernelMessages()).containsExactly(
                "page_pool_release_retry() stalled pool shutdown 1 inflight 60 sec",
                "page_pool_release_retry() stalled pool shutdown 2 inflight 60 sec",
                "page_pool_release_retry() stalled pool shutdown 3 inflight 60 sec");
        assertThat(steps.get(13).kernelMessages()).containsExactly(
                "page_pool_release_retry() stalled pool shutdown 1 inflight 120 sec",
                "page_pool_release_retry() stalled pool shutdown 2 inflight 120 sec",
                "page_pool_release_retry() stalled pool shutdown 3 inflight 120 sec");
    }

    @Test
    void warnOnceWarnsOncePerRunWhicheverSlotTriggersIt() throws ScriptSyntaxError {
        List<StepResult> steps = run("create\nalloc\ndestroy\ndestroy\npool 2\ncreate\nalloc\ndestroy\ndestroy");
        assertThat(steps).allMatch(s -> s.outcome() == StepResult.Outcome.OK);
        assertThat(steps.get(3).kernelMessages()).contains("refcount_t: underflow; use-after-free.");
        assertThat(steps.get(8).state().users()).as("slot 2's count underflowed too").isEqualTo(
                steps.get(3).state().users());
        assertThat(steps.get(8).kernelMessages()).as("but WARN_ONCE already warned").isEmpty();
    }

    @ParameterizedTest(name = "pool {0}")
    @ValueSource(strings = {"0", "65", "-1", "0x41", "x", "1 2", ""})
    void aSlotOutsideOneToSixtyFourIsASyntaxError(String slot) {
        ScriptSyntaxError e = catchThrowableOfType(ScriptSyntaxError.class,
                () -> ScriptParser.parseLine(3, "pool " + slot));
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("pool").contains("64");
    }

    @Test
    void slotsAreNumbersByTheNumberRules() throws ScriptSyntaxError {
        assertThat(ScriptParser.parseLine(1, "pool 0x40")).isEqualTo(new Command.PoolSlot(1, 64));
        assertThat(ScriptParser.parseLine(1, "pool\t7 # queue 6")).isEqualTo(new Command.PoolSlot(1, 7));
    }
}
