// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.pool.PoolState;

/**
 * Run-time errors and failed expects (spec "Errors and exit status"): the
 * trace of the lines before is printed, the error names the line, exit 2 (1
 * for an expect), and the refused line changed nothing.
 */
class ScriptRunnerTest {
    @TempDir
    Path dir;

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    private static ScriptRunner runner(String text) {
        try {
            return new ScriptRunner(ScriptParser.parse("t.pool", lines(text)));
        } catch (ScriptSyntaxError e) {
            throw new AssertionError("the test script must parse: line " + e.line() + ": " + e.getMessage(), e);
        }
    }

    /** Everything a refused line must leave as it was: the state line, the counters, the buddy lists, the CPU. */
    private static String snapshot(ScriptRunner r) {
        StringBuilder s = new StringBuilder(r.state().format());
        if (r.pool() != null && r.pool().state() != PoolState.FREED) {
            s.append(" | ").append(r.pool().stats().format());
        }
        for (int nid = 0; nid < r.kernel().mm().nodeCount(); nid++) {
            s.append(" | n").append(nid).append('=').append(Arrays.toString(r.kernel().mm().buddyinfo(nid)));
        }
        s.append(" | cpu=").append(r.kernel().numaMemId()).append(" softirq=").append(r.kernel().inServingSoftirq());
        return s.toString();
    }

    /** What the CLI printed for the lines that ran (kernel messages and trace lines). */
    private static String printed(List<StepResult> steps) {
        StringBuilder out = new StringBuilder();
        for (StepResult s : steps) {
            for (String m : s.kernelMessages()) {
                out.append("! ").append(m).append('\n');
            }
            if (s.outcome() == StepResult.Outcome.OK) {
                out.append(s.traceLine()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Runs {@code text} with the ScriptRunner and through the CLI; the run
     * must stop with a run-time error on {@code line} having changed
     * nothing. Returns the error message.
     */
    private String runtimeError(String text, int line) throws IOException {
        ScriptRunner r = runner(text);
        List<StepResult> steps = new ArrayList<>();
        StepResult failed = null;
        while (r.hasNext()) {
            int next = r.peek().line();
            String before = snapshot(r);
            State stateBefore = r.state();
            StepResult s = r.step();
            steps.add(s);
            if (s.outcome() != StepResult.Outcome.OK) {
                assertThat(s.outcome()).as("outcome of line " + next + ": " + s.error())
                        .isEqualTo(StepResult.Outcome.ERROR);
                assertThat(s.line()).as("the failing line; error: " + s.error()).isEqualTo(line);
                assertThat(s.error()).isNotBlank();
                assertThat(s.result()).isNull();
                assertThat(s.kernelMessages()).as("a refused line prints no kernel message").isEmpty();
                assertThat(snapshot(r)).as("nothing changed by the refused line " + line).isEqualTo(before);
                assertThat(r.state()).isEqualTo(stateBefore);
                assertThat(s.state()).isEqualTo(stateBefore);
                assertThat(r.hasNext()).as("the run stops").isFalse();
                failed = s;
                break;
            }
            assertThat(next).as("line " + line + " should have failed; it printed " + s.traceLine())
                    .isNotEqualTo(line);
        }
        if (failed == null) {
            fail("no run-time error; expected one on line " + line);
        }

        Path file = dir.resolve("rt.pool");
        Files.write(file, lines(text), StandardCharsets.UTF_8);
        String[] cli = ScriptParserTest.cli(file);
        assertThat(cli[0]).as("exit status; stderr " + cli[2]).isEqualTo("2");
        assertThat(cli[1]).as("the trace of the lines before").isEqualTo(printed(steps));
        assertThat(cli[2]).isEqualTo("error: " + file + ":" + line + ": " + failed.error() + "\n");
        return failed.error();
    }

    private static void assertMentions(String message, String... words) {
        for (String w : words) {
            assertThat(message.toLowerCase(Locale.ROOT)).as("error message").contains(w.toLowerCase(Locale.ROOT));
        }
    }

    /** Runs a script that must succeed; returns its steps. */
    private static List<StepResult> runAll(String text) {
        ScriptRunner r = runner(text);
        List<StepResult> steps = new ArrayList<>();
        while (r.hasNext()) {
            StepResult s = r.step();
            assertThat(s.outcome()).as("line " + s.line() + ": " + s.error()).isEqualTo(StepResult.Outcome.OK);
            steps.add(s);
        }
        return steps;
    }

    private static StepResult lastStep(String text) {
        List<StepResult> steps = runAll(text);
        return steps.get(steps.size() - 1);
    }

    // ---- nodes and memory -----------------------------------------------------------------------------------

    @Test
    void cpuOnANodeThatDoesNotExist() throws IOException {
        assertMentions(runtimeError("# one node by default\ncpu node=0\ncpu node=1", 3), "node", "1");
        assertMentions(runtimeError("memory nodes=2 pages=64\ncpu node=1\nsoftirq off\ncpu node=2\ncpu node=0", 4),
                "node", "2");
    }

    @Test
    void memoryAfterACreate() throws IOException {
        assertMentions(runtimeError("memory pages=64\ncreate\nalloc\nmemory pages=128\nalloc", 4), "memory",
                "create");
    }

    @Test
    void memoryAfterAFailedCreate() throws IOException {
        String error = runtimeError("memory pages=64\ncreate flags=4   # EINVAL: pool=none\nmemory pages=128", 3);
        assertMentions(error, "memory", "create");
    }

    @Test
    void memoryAfterTheFirstPoolWasFreed() throws IOException {
        runtimeError("memory pages=64\ncreate\ndestroy\nexpect pool=freed\nmemory pages=128", 5);
    }

    @Test
    void memoryThatWouldLeaveTheCpuOnAMissingNode() throws IOException {
        String error = runtimeError("memory nodes=3 pages=64\ncpu node=2\nmemory nodes=2 pages=64\ncreate", 3);
        assertMentions(error, "node", "2");
        runtimeError("memory nodes=2\ncpu node=1\nmemory pages=16", 3);
        // growing, or keeping the CPU's node, is fine
        assertThat(lastStep("memory nodes=2\ncpu node=1\nmemory pages=16,8,4\nexpect free=28").result())
                .isEqualTo("ok");
    }

    @Test
    void memoryLinesBeforeTheFirstCreateRebuildEveryNode() {
        StepResult s = lastStep("memory nodes=2 pages=100\nmemory pages=16,8\nbuddy");
        assertThat(s.result()).isEqualTo("n0=0,0,0,0,1,0,0,0,0,0,0 n1=0,0,0,1,0,0,0,0,0,0,0");
        assertThat(s.state().free()).isEqualTo(24);
    }

    @Test
    void updateNidOnAMissingNode() throws IOException {
        assertMentions(runtimeError("memory nodes=2 pages=256\ncreate\nalloc\nupdate_nid nid=1\nupdate_nid nid=2",
                5), "node", "2");
    }

    // ---- create ---------------------------------------------------------------------------------------------

    @Test
    void createWhileAPoolIsAlive() throws IOException {
        assertMentions(runtimeError("memory pages=256\ncreate\nalloc\ncreate size=16", 4), "create");
    }

    @Test
    void createWhileAPoolIsDeferred() throws IOException {
        runtimeError("memory pages=256\ncreate\nalloc\ndestroy\nexpect pool=deferred\ncreate", 6);
    }

    @Test
    void createOnAMissingNodeIsARunTimeErrorBeforeTheKernelChecks() throws IOException {
        assertMentions(runtimeError("memory nodes=2 pages=64\ncreate nid=2", 2), "node", "2");
        // bad flags and a too-large ring would be EINVAL/E2BIG, but the node is checked first
        String error = runtimeError("# nid is checked before page_pool_init()\ncreate nid=7 flags=4 size=40000", 2);
        assertMentions(error, "7");
    }

    @Test
    void createOnExistingNodesAndNumaNoNode() {
        assertThat(lastStep("memory nodes=2 pages=64\ncreate nid=1").result()).isEqualTo("ok");
        assertThat(lastStep("memory nodes=2 pages=64\ncreate nid=-1").result()).isEqualTo("ok");
    }

    @Test
    void createAgainOnceTheOldPoolIsFreed() {
        StepResult s = lastStep("memory pages=256\ncreate\ndestroy\ncreate size=16");
        assertThat(s.result()).isEqualTo("ok");
        assertThat(s.state().pool()).isEqualTo("alive");
        StepResult afterFailure = lastStep("memory pages=256\ncreate flags=4\ncreate size=16");
        assertThat(afterFailure.result()).isEqualTo("ok");
    }

    @Test
    void aFailedCreateAfterAFreedPoolLeavesNone() {
        StepResult s = lastStep("memory pages=256\ncreate\ndestroy\ncreate flags=DMA_SYNC_DEV max_len=1");
        assertThat(s.result()).isEqualTo("err=EINVAL");
        assertThat(s.kernelMessages()).containsExactly("page_pool_create() gave up with errno -22");
        assertThat(s.state().pool()).isEqualTo("none");
    }

    // ---- pool commands without a pool -----------------------------------------------------------------------

    static Stream<String> poolCommands() {
        return Stream.of("alloc", "alloc n=3", "put p=p1", "recycle p=p1", "put_bulk p=p1,p2", "skb_free p=p1",
                "get p=p1", "drop p=p1", "release p=p1", "update_nid nid=0", "update_nid nid=-1", "xdp_reg",
                "destroy");
    }

    @ParameterizedTest
    @MethodSource("poolCommands")
    void poolCommandWithNoPool(String command) throws IOException {
        String error = runtimeError("memory pages=256\nstats\nbuddy\n" + command, 4);
        assertMentions(error, command.split(" ")[0], "pool");
    }

    @ParameterizedTest
    @MethodSource("poolCommands")
    void poolCommandAfterAFailedCreate(String command) throws IOException {
        String error = runtimeError("memory pages=256\ncreate size=40000  # E2BIG\n" + command, 3);
        assertMentions(error, command.split(" ")[0], "pool");
    }

    @ParameterizedTest
    @MethodSource("poolCommands")
    void poolCommandAfterThePoolWasFreed(String command) throws IOException {
        String error = runtimeError("memory pages=256\ncreate\nalloc\nrecycle p=64\ndestroy\nexpect pool=freed\n"
                + command, 7);
        assertMentions(error, command.split(" ")[0], "freed");
    }

    @Test
    void aDeferredPoolMayStillBeNamed() {
        StepResult s = lastStep("""
                memory pages=256
                create
                alloc n=3
                destroy
                expect pool=deferred
                put p=64
                skb_free p=63
                get p=62
                drop p=62
                xdp_reg
                update_nid nid=0
                alloc
                """.strip());
        assertThat(s.state().pool()).isEqualTo("deferred");
    }

    // ---- handles --------------------------------------------------------------------------------------------

    private static final String TWO_OUT = "memory pages=256\ncreate size=16\nalloc n=2   # p64, p63 held\n";

    static Stream<String> driverCommands() {
        return Stream.of("put p=%s", "put p=%s direct=1 sync=0", "recycle p=%s", "put_bulk p=%s", "skb_free p=%s",
                "release p=%s");
    }

    static Stream<String> everyHandleCommand() {
        return Stream.concat(driverCommands(), Stream.of("get p=%s", "drop p=%s"));
    }

    @ParameterizedTest
    @MethodSource("everyHandleCommand")
    void aHandleNeverIssued(String template) throws IOException {
        String error = runtimeError(TWO_OUT + String.format(template, "p65"), 4);
        assertMentions(error, "p65", "never issued");
        runtimeError("memory pages=256\ncreate\n" + String.format(template, "p1"), 3);
        runtimeError(TWO_OUT + String.format(template, "p4294967295"), 4);
    }

    @ParameterizedTest
    @MethodSource("everyHandleCommand")
    void aPageInTheAllocCache(String template) throws IOException {
        // p62 was never handed to the driver: it sits in the cache since the bulk
        String error = runtimeError(TWO_OUT + String.format(template, "p62"), 4);
        assertMentions(error, "p62", "cache");
        // p64 was recycled into the cache
        error = runtimeError(TWO_OUT + "recycle p=64\n" + String.format(template, "64"), 5);
        assertMentions(error, "p64", "cache");
    }

    @ParameterizedTest
    @MethodSource("everyHandleCommand")
    void aPageInThePtrRing(String template) throws IOException {
        String error = runtimeError(TWO_OUT + "put p=64\nexpect ring=1\n" + String.format(template, "p64"), 6);
        assertMentions(error, "p64", "ring");
        error = runtimeError(TWO_OUT + "skb_free p=63\n" + String.format(template, "63"), 5);
        assertMentions(error, "p63", "ring");
    }

    @ParameterizedTest
    @MethodSource("driverCommands")
    void aDetachedPageForDriverCommands(String template) throws IOException {
        String error = runtimeError(TWO_OUT + "get p=64\nput p=64\nexpect release=1\n"
                + String.format(template, "p64"), 7);
        assertMentions(error, "p64", "detached");
        error = runtimeError(TWO_OUT + "release p=63\n" + String.format(template, "p63"), 5);
        assertMentions(error, "p63", "detached");
    }

    @Test
    void getAndDropMayNameDetachedPagesUntilTheLastReference() throws IOException {
        List<StepResult> steps = runAll(TWO_OUT + """
                get p=64
                recycle p=64
                get p=64
                drop p=64
                drop p=64
                release p=63
                get p=63
                drop p=63
                """.strip());
        assertThat(steps).extracting(StepResult::result).containsExactly("ok", "ok", "p64@n0 p63@n0", "ref=2",
                "detached", "ref=2", "ref=1", "buddy", "detached", "ref=2", "ref=1");
        // after the last reference the handle is dead
        String error = runtimeError(TWO_OUT + "get p=64\nrecycle p=64\ndrop p=64\nget p=64", 7);
        assertMentions(error, "p64");
    }

    @ParameterizedTest
    @MethodSource("everyHandleCommand")
    void aPageThatWentBackToThePageAllocatorAfterRingFull(String template) throws IOException {
        String script = """
                memory pages=256
                create size=4
                alloc n=64
                put p=64
                put p=63
                put p=62
                put p=61
                put p=60
                expect release=1 ring=4
                """ + String.format(template, "p60");
        String error = runtimeError(script, 10);
        assertMentions(error, "p60");
        assertThat(error.toLowerCase(Locale.ROOT)).containsAnyOf("dead", "page allocator", "buddy");
    }

    @ParameterizedTest
    @MethodSource("everyHandleCommand")
    void aPageDroppedToZero(String template) throws IOException {
        String error = runtimeError(TWO_OUT + "drop p=64   # a driver bug: freed in flight\nexpect inflight=64\n"
                + String.format(template, "p64"), 6);
        assertMentions(error, "p64");
        error = runtimeError(TWO_OUT + "release p=63\ndrop p=63\n" + String.format(template, "p63"), 6);
        assertMentions(error, "p63");
    }

    @Test
    void aFreedPageTakenAgainGetsANewHandle() throws IOException {
        // p64 goes back to the allocator, the next bulk takes the same physical page as p128
        String script = """
                memory pages=64
                create size=4
                alloc n=64
                put p=64
                put p=63
                put p=62
                put p=61
                put p=60
                expect free=1 ring=4
                alloc n=4
                alloc
                """.strip();
        List<StepResult> steps = runAll(script);
        assertThat(steps.get(steps.size() - 1).result()).isEqualTo("p65@n0");
        String error = runtimeError(script + "\nput p=60", 12);
        assertMentions(error, "p60");
        assertThat(lastStep(script + "\nput p=65").result()).isEqualTo("ring");
    }

    @Test
    void handlesBeyondTheFirstFewHundredAreKnown() throws IOException {
        String script = "memory pages=4096\ncreate size=16\nalloc n=300\n";
        List<StepResult> steps = runAll(script + "put p=p300 direct=1\nput p=p21\nget p=p320");
        assertThat(steps).extracting(StepResult::result).endsWith("cache", "ring", "ref=2");
        assertThat(steps.get(2).state().hold()).isEqualTo(320);
        // the last bulk's p257..p276 stayed in the cache
        assertMentions(runtimeError(script + "put p=p260", 4), "p260", "cache");
        assertMentions(runtimeError(script + "get p=p321", 4), "p321", "never issued");
        assertMentions(runtimeError(script + "drop p=p1000000", 4), "p1000000", "never issued");
    }

    @Test
    void putBulkNamingTheSamePageTwice() throws IOException {
        assertMentions(runtimeError(TWO_OUT + "put_bulk p=64,64", 4), "p64", "twice");
        assertMentions(runtimeError(TWO_OUT + "put_bulk p=64,p64", 4), "p64", "twice");
        assertMentions(runtimeError(TWO_OUT + "put_bulk p=p63,p64,63", 4), "p63", "twice");
        assertThat(lastStep(TWO_OUT + "put_bulk p=64,63").result()).isEqualTo("ring,ring");
    }

    @Test
    void putBulkWithOneBadPageReturnsNone() throws IOException {
        runtimeError(TWO_OUT + "put_bulk p=64,62   # p62 is in the cache", 4);
        runtimeError(TWO_OUT + "put_bulk p=64,65   # p65 was never issued", 4);
    }

    @Test
    void handlesAreForgottenAfterANewCreate() throws IOException {
        String firstPool = """
                memory pages=256
                create
                alloc n=2
                release p=63          # the driver keeps p63 as an ordinary page
                recycle p=64
                destroy
                expect pool=freed
                create size=16
                """.strip();
        // the old pool's handles mean nothing in the new pool until it issues them
        assertMentions(runtimeError(firstPool + "\ndrop p=63", 9), "p63", "never issued");
        runtimeError(firstPool + "\nget p=1", 9);
        runtimeError(firstPool + "\nput p=64", 9);
        // once the new pool issues them, they name the new pool's pages
        List<StepResult> steps = runAll(firstPool + "\nalloc n=2\nput p=63\nrecycle p=64");
        assertThat(steps).extracting(StepResult::result).endsWith("p64@n0 p63@n0", "ring", "cache");
        // a handle the new pool has not issued yet still is unknown
        runtimeError(firstPool + "\nalloc\nput p=65", 10);
    }

    @Test
    void handlesAreForgottenAfterANewCreateEvenIfTheOldPageIsStillHeld() throws IOException {
        // the new pool's p63 is a page in its cache; the old p63 (detached, ref 1) is not its page
        String script = """
                memory pages=256
                create
                alloc n=2
                release p=63
                recycle p=64
                destroy
                create
                alloc
                """.strip();
        assertMentions(runtimeError(script + "\nget p=63", 9), "p63", "cache");
    }

    // ---- expect ---------------------------------------------------------------------------------------------

    private static final String ONE_ALLOC = "memory pages=256\ncreate\nalloc\n";

    private void expectFailure(String text, int line, String message) throws IOException {
        ScriptRunner r = runner(text);
        List<StepResult> steps = new ArrayList<>();
        StepResult failed = null;
        while (r.hasNext()) {
            String before = snapshot(r);
            StepResult s = r.step();
            steps.add(s);
            if (s.outcome() != StepResult.Outcome.OK) {
                assertThat(s.outcome()).isEqualTo(StepResult.Outcome.EXPECT_FAILED);
                assertThat(s.line()).isEqualTo(line);
                assertThat(s.error()).isEqualTo(message);
                assertThat(snapshot(r)).isEqualTo(before);
                assertThat(r.hasNext()).isFalse();
                failed = s;
                break;
            }
        }
        assertThat(failed).as("an expect failure on line " + line).isNotNull();
        Path file = dir.resolve("ex.pool");
        Files.write(file, lines(text), StandardCharsets.UTF_8);
        String[] cli = ScriptParserTest.cli(file);
        assertThat(cli[0]).isEqualTo("1");
        assertThat(cli[1]).isEqualTo(printed(steps));
        assertThat(cli[1]).as("no trace line for the failed expect").doesNotContain("\n" + line + " expect");
        assertThat(cli[2]).isEqualTo("expect failed: " + file + ":" + line + ": " + message + "\n");
    }

    @Test
    void expectFailureNamesFieldActualAndExpected() throws IOException {
        expectFailure(ONE_ALLOC + "expect cache=62\nalloc", 4, "cache is 63, expected 62");
    }

    @Test
    void expectFailureShowsTheValueAsWritten() throws IOException {
        expectFailure(ONE_ALLOC + "expect cache=0x3e", 4, "cache is 63, expected 0x3e");
        expectFailure(ONE_ALLOC + "expect hold=0x40 cache=0x3d", 4, "cache is 63, expected 0x3d");
    }

    @Test
    void expectFailureReportsTheFirstMismatchInArgumentOrder() throws IOException {
        expectFailure(ONE_ALLOC + "expect hold=64 ring=1 cache=0 pool=none", 4, "ring is 0, expected 1");
        expectFailure(ONE_ALLOC + "expect jiffies=5 pool=none", 4, "jiffies is 0, expected 5");
        expectFailure(ONE_ALLOC + "expect pool=freed cache=0", 4, "pool is alive, expected freed");
        expectFailure(ONE_ALLOC + "expect inflight=-3", 4, "inflight is 64, expected -3");
        expectFailure("memory pages=256\nexpect free=255", 2, "free is 256, expected 255");
    }

    @Test
    void expectThatHoldsPrintsOk() {
        StepResult s = lastStep(ONE_ALLOC + "expect pool=alive cache=0x3f ring=0 stale=0 hold=64 release=0 "
                + "inflight=64 users=1 free=192 mapped=0 syncs=0 jiffies=0");
        assertThat(s.result()).isEqualTo("ok");
        assertThat(s.traceLine()).startsWith("4 expect -> ok | pool=alive cache=63 ");
    }

    @Test
    void expectReadsUsersAsUnsigned() {
        StepResult s = lastStep("memory pages=256\ncreate\nalloc\ndestroy\ndestroy\nexpect users=3221225472");
        assertThat(s.state().users()).isEqualTo(3221225472L);
    }

    // ---- WARN_ONCE ------------------------------------------------------------------------------------------

    private static final String MISUSED_POOL = """
            create
            alloc
            destroy               # deferred: p64 is out, users=0
            xdp_reg               # addition on 0
            xdp_reg               # saturated
            destroy               # underflow
            put p=64
            tick ms=1000          # the retry frees the pool
            expect pool=freed
            """;

    @Test
    void refcountWarningsPrintOncePerKindInAWholeRunEvenAcrossPools() throws IOException {
        String script = "memory pages=256\n" + MISUSED_POOL + MISUSED_POOL
                + "create\nalloc\ndestroy\nxdp_reg\nxdp_reg\ndestroy\ndestroy\nxdp_reg\nxdp_reg\ndestroy";
        List<StepResult> steps = runAll(script.strip());
        List<String> messages = new ArrayList<>();
        for (StepResult s : steps) {
            messages.addAll(s.kernelMessages());
        }
        assertThat(messages).containsExactly("refcount_t: addition on 0; use-after-free.",
                "refcount_t: saturated; leaking memory.", "refcount_t: underflow; use-after-free.");
        assertThat(steps.get(3).result()).isEqualTo("deferred");
        assertThat(steps.get(4).kernelMessages()).containsExactly("refcount_t: addition on 0; use-after-free.");
        assertThat(steps.get(4).result()).isEqualTo("users=3221225472");
        assertThat(steps.get(5).kernelMessages()).containsExactly("refcount_t: saturated; leaking memory.");
        assertThat(steps.get(6).kernelMessages()).containsExactly("refcount_t: underflow; use-after-free.");
        assertThat(steps.get(9).state().pool()).isEqualTo("freed");
        // the later pools still saturate, silently
        StepResult secondPoolXdp = steps.get(4 + 9);
        assertThat(secondPoolXdp.word()).isEqualTo("xdp_reg");
        assertThat(secondPoolXdp.result()).isEqualTo("users=3221225472");
        assertThat(secondPoolXdp.kernelMessages()).isEmpty();
        assertThat(steps.get(steps.size() - 1).state().pool()).isEqualTo("deferred");

        // through the CLI: each message once, on its own line before the line that caused it
        Path file = dir.resolve("warn.pool");
        Files.writeString(file, script.strip() + "\n", StandardCharsets.UTF_8);
        String[] cli = ScriptParserTest.cli(file);
        assertThat(cli[0]).isEqualTo("0");
        List<String> out = lines(cli[1]);
        assertThat(out.stream().filter(l -> l.startsWith("! "))).hasSize(3);
        int i = out.indexOf("! refcount_t: addition on 0; use-after-free.");
        assertThat(out.get(i + 1)).startsWith("5 xdp_reg -> users=3221225472 | ");
    }

    @Test
    void destroyOnAPoolWithUsersZeroWarnsUnderflow() {
        List<StepResult> steps = runAll("memory pages=256\ncreate\nalloc\ndestroy\ndestroy\ndestroy");
        assertThat(steps.get(4).kernelMessages()).containsExactly("refcount_t: underflow; use-after-free.");
        assertThat(steps.get(4).result()).isEqualTo("users=3221225472");
        assertThat(steps.get(5).kernelMessages()).isEmpty();
        assertThat(steps.get(5).result()).isEqualTo("users=3221225472");
    }

    // ---- ordinary steps -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"softirq on", "softirq off", "pressure on", "pressure off", "fail alloc=1",
            "fail dma=2 alloc=0", "tick ms=5", "cpu node=0", "memory pages=64"})
    void environmentCommandsPrintOk(String command) {
        StepResult s = lastStep("# env\n" + command);
        assertThat(s.result()).isEqualTo("ok");
        assertThat(s.traceLine()).startsWith("2 " + command.split(" ")[0] + " -> ok | pool=none ");
    }

    @Test
    void stepAfterTheEndIsRefused() {
        ScriptRunner r = runner("# nothing");
        assertThat(r.hasNext()).isFalse();
        assertThat(r.peek()).isNull();
        assertThatThrownBy(r::step).isInstanceOf(IllegalStateException.class);
    }
}
