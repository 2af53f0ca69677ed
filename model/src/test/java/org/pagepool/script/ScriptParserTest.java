// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.cli.Main;
import org.pagepool.dma.DmaDirection;
import org.pagepool.pool.PagePool;

/**
 * The lexical rules and syntax errors of spec/pool-script.md: the whole
 * script is parsed before anything runs, and the first malformed line is a
 * {@link ScriptSyntaxError} naming its line.
 */
class ScriptParserTest {
    /** Valid lines, comments and blank lines put before the line under test. */
    private static final List<String> PRELUDE = List.of(
            "# a script whose last line is the one under test",
            "",
            "memory pages=256          # a valid line",
            "   \t  ",
            "create size=64",
            "alloc n=2",
            "    # an indented comment",
            "");
    /** The line number the line under test gets after {@link #PRELUDE}. */
    private static final int BAD_LINE = PRELUDE.size() + 1;

    private static List<String> withPrelude(String line) {
        List<String> lines = new ArrayList<>(PRELUDE);
        lines.add(line);
        return lines;
    }

    private static ScriptSyntaxError syntaxError(String line) {
        ScriptSyntaxError e = catchThrowableOfType(ScriptSyntaxError.class,
                () -> ScriptParser.parse("t.pool", withPrelude(line)));
        assertThat(e).as("a syntax error for: " + line).isNotNull();
        return e;
    }

    /** Parses {@code line} after the prelude and returns its command (the last one). */
    private static Command parsed(String line) throws ScriptSyntaxError {
        Script script = ScriptParser.parse("t.pool", withPrelude(line));
        Command last = script.commands().get(script.commands().size() - 1);
        assertThat(last.line()).isEqualTo(BAD_LINE);
        return last;
    }

    private static Command only(String... lines) throws ScriptSyntaxError {
        Script script = ScriptParser.parse("t.pool", List.of(lines));
        assertThat(script.commands()).hasSize(1);
        return script.commands().get(0);
    }

    /** Runs the CLI on a file; returns exit status, stdout, stderr. */
    static String[] cli(Path file) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            exit = Main.run(new String[] {"run", file.toString()}, out, err);
        }
        return new String[] {Integer.toString(exit), outBytes.toString(StandardCharsets.UTF_8),
                errBytes.toString(StandardCharsets.UTF_8)};
    }

    // ---- every kind of syntax error -------------------------------------------------------------------------

    /**
     * A malformed line, and what its message must mention: words that name
     * the problem (each must appear, case-insensitive).
     */
    static Stream<Arguments> malformedLines() {
        return Stream.of(
                // unknown command (commands and keys are case-sensitive)
                Arguments.of("frobnicate n=1", List.of("frobnicate")),
                Arguments.of("Alloc n=2", List.of("Alloc")),
                Arguments.of("allocate", List.of("allocate")),
                // unknown key
                Arguments.of("alloc m=2", List.of("m", "key")),
                Arguments.of("alloc N=2", List.of("N", "key")),
                Arguments.of("stats all=1", List.of("all", "key")),
                Arguments.of("buddy node=0", List.of("node", "key")),
                Arguments.of("destroy force=1", List.of("force", "key")),
                Arguments.of("xdp_reg n=1", List.of("n", "key")),
                Arguments.of("expect bogus=1", List.of("bogus")),
                Arguments.of("create pool_size=4", List.of("pool_size")),
                // duplicate key
                Arguments.of("alloc n=1 n=2", List.of("duplicate", "n")),
                Arguments.of("put p=1 p=2", List.of("duplicate", "p")),
                Arguments.of("expect cache=1 cache=1", List.of("duplicate", "cache")),
                Arguments.of("memory nodes=1 nodes=1", List.of("duplicate", "nodes")),
                Arguments.of("create size=1 flags=DMA_MAP size=2", List.of("duplicate", "size")),
                // missing required key
                Arguments.of("cpu", List.of("missing", "node")),
                Arguments.of("tick", List.of("missing", "ms")),
                Arguments.of("put sync=0", List.of("missing", "p")),
                Arguments.of("put direct=1", List.of("missing", "p")),
                Arguments.of("recycle", List.of("missing", "p")),
                Arguments.of("put_bulk", List.of("missing", "p")),
                Arguments.of("skb_free", List.of("missing", "p")),
                Arguments.of("get", List.of("missing", "p")),
                Arguments.of("drop", List.of("missing", "p")),
                Arguments.of("release", List.of("missing", "p")),
                Arguments.of("update_nid", List.of("missing", "nid")),
                // not a number
                Arguments.of("alloc n=abc", List.of("abc", "number")),
                Arguments.of("alloc n=", List.of("number", "n")),
                Arguments.of("alloc n=1.5", List.of("1.5", "number")),
                Arguments.of("alloc n=0x", List.of("0x", "number")),
                Arguments.of("alloc n=0xg", List.of("0xg", "number")),
                Arguments.of("alloc n=+3", List.of("+3", "number")),
                Arguments.of("alloc n=--1", List.of("--1", "number")),
                Arguments.of("alloc n=0X10", List.of("0X10")),
                Arguments.of("tick ms=1e3", List.of("1e3")),
                Arguments.of("cpu node=one", List.of("one")),
                Arguments.of("memory pages=lots", List.of("lots")),
                Arguments.of("expect cache=many", List.of("many")),
                Arguments.of("put p=1 sync=full", List.of("full")),
                Arguments.of("create size=big", List.of("big")),
                Arguments.of("fail alloc=x", List.of("x")),
                // negative where the table does not allow it
                Arguments.of("alloc n=-1", List.of("-1", "range")),
                Arguments.of("tick ms=-5", List.of("-5", "range")),
                // bare word where key=value is needed
                Arguments.of("alloc 5", List.of("5", "key=value")),
                Arguments.of("create DMA_MAP", List.of("DMA_MAP", "key=value")),
                Arguments.of("stats now", List.of("now")),
                Arguments.of("put p64", List.of("p64", "key=value")),
                Arguments.of("alloc =5", List.of("=5")),
                // softirq / pressure with a bad or missing word
                Arguments.of("softirq", List.of("softirq", "on", "off")),
                Arguments.of("softirq yes", List.of("softirq", "on", "off")),
                Arguments.of("softirq ON", List.of("softirq", "on", "off")),
                Arguments.of("softirq on off", List.of("softirq", "on", "off")),
                Arguments.of("softirq on=1", List.of("softirq", "on", "off")),
                Arguments.of("pressure", List.of("pressure", "on", "off")),
                Arguments.of("pressure high", List.of("pressure", "on", "off")),
                Arguments.of("pressure Off", List.of("pressure", "on", "off")),
                // fail with no keys, expect with no fields, expect pool=bogus
                Arguments.of("fail", List.of("fail", "alloc", "dma")),
                Arguments.of("fail   # nothing", List.of("fail", "alloc", "dma")),
                Arguments.of("expect", List.of("expect", "field")),
                Arguments.of("expect pool=bogus", List.of("pool", "bogus")),
                Arguments.of("expect pool=Alive", List.of("pool", "Alive")),
                // memory: list length, number of nodes
                Arguments.of("memory nodes=3 pages=1,2", List.of("nodes", "3")),
                Arguments.of("memory nodes=1 pages=16,8", List.of("nodes")),
                Arguments.of("memory pages=1,1,1,1,1,1,1,1,1", List.of("nodes", "8")),
                Arguments.of("memory nodes=9 pages=1", List.of("nodes", "9")),
                Arguments.of("memory pages=16,", List.of("pages")),
                // put_bulk: too many handles, an empty item
                Arguments.of("put_bulk p=" + handles(1025), List.of("1025")),
                Arguments.of("put_bulk p=1,,2", List.of("handle")),
                Arguments.of("put_bulk p=1,2,", List.of("handle")),
                Arguments.of("put_bulk p=", List.of("handle")),
                // handles
                Arguments.of("put p=p0", List.of("p0", "range")),
                Arguments.of("put p=0", List.of("0", "range")),
                Arguments.of("get p=p4294967296", List.of("p4294967296", "range")),
                Arguments.of("drop p=4294967296", List.of("4294967296", "range")),
                Arguments.of("recycle p=q5", List.of("q5")),
                Arguments.of("recycle p=P5", List.of("P5")),
                Arguments.of("release p=p", List.of("handle")),
                Arguments.of("skb_free p=p-1", List.of("p-1")),
                Arguments.of("skb_free p=-1", List.of("-1")),
                // flags and dma_dir
                Arguments.of("create flags=DMA_MAP,FOO", List.of("FOO")),
                Arguments.of("create flags=dma_map", List.of("dma_map")),
                Arguments.of("create flags=DMA_MAP,", List.of("flag")),
                Arguments.of("create flags=-1", List.of("-1", "range")),
                Arguments.of("create dma_dir=SIDEWAYS", List.of("SIDEWAYS")),
                Arguments.of("create dma_dir=from_device", List.of("from_device")),
                Arguments.of("create dma_dir=1", List.of("dma_dir")));
    }

    private static String handles(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            s.append(i > 1 ? "," : "").append('p').append(i);
        }
        return s.toString();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedLines")
    void malformedLineIsASyntaxErrorOnItsLine(String line, List<String> mentions) {
        ScriptSyntaxError e = syntaxError(line);
        assertThat(e.line()).as("line number of: " + line).isEqualTo(BAD_LINE);
        assertThat(e.getMessage()).as("message for: " + line).isNotBlank();
        for (String word : mentions) {
            assertThat(e.getMessage().toLowerCase(Locale.ROOT)).as("message for: " + line)
                    .contains(word.toLowerCase(Locale.ROOT));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedLines")
    void malformedLastLineRunsNothingThroughTheCli(String line, List<String> mentions, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("bad.pool");
        Files.write(file, withPrelude(line), StandardCharsets.UTF_8);
        String[] r = cli(file);
        assertThat(r[1]).as("stdout: nothing runs").isEmpty();
        assertThat(r[0]).as("exit status").isEqualTo("2");
        assertThat(r[2]).startsWith("error: " + file + ":" + BAD_LINE + ":");
        assertThat(r[2].strip()).as("one line on stderr").doesNotContain("\n");
    }

    @Test
    void theFirstMalformedLineIsReported() {
        ScriptSyntaxError e = catchThrowableOfType(ScriptSyntaxError.class, () -> ScriptParser.parse("t.pool",
                List.of("# c", "alloc", "", "alloc n=0", "alloc n=zz", "frob")));
        assertThat(e.line()).isEqualTo(4);
    }

    // ---- ranges ---------------------------------------------------------------------------------------------

    /** One row of the spec's "Ranges" table: a line template with {@code %s} for the value. */
    private record Range(String template, BigInteger min, BigInteger max, ToLongFunction<Command> read,
                         boolean thirtyTwoBits) {
        Range(String template, long min, long max, ToLongFunction<Command> read) {
            this(template, BigInteger.valueOf(min), BigInteger.valueOf(max), read, false);
        }

        /** The value the command should hold for {@code written}. */
        long expected(BigInteger written) {
            return thirtyTwoBits ? written.intValue() : written.longValueExact();
        }

        @Override
        public String toString() {
            return template + " in " + min + ".." + max;
        }
    }

    private static final long U32 = 4294967295L;

    static Stream<Range> ranges() {
        List<Range> rows = new ArrayList<>(List.of(
                new Range("memory nodes=%s pages=1", 1, 8, c -> ((Command.Memory) c).nodePages().length),
                new Range("memory pages=%s", 0, 16777216, c -> ((Command.Memory) c).nodePages()[0]),
                new Range("memory nodes=2 pages=%s", 0, 16777216, c -> ((Command.Memory) c).nodePages()[1]),
                new Range("memory pages=5,%s", 0, 16777216, c -> ((Command.Memory) c).nodePages()[1]),
                new Range("cpu node=%s", 0, 7, c -> ((Command.Cpu) c).node()),
                new Range("fail alloc=%s", 0, Integer.MAX_VALUE, c -> ((Command.Fail) c).alloc()),
                new Range("fail dma=%s", 0, Integer.MAX_VALUE, c -> ((Command.Fail) c).dma()),
                new Range("tick ms=%s", 0, Integer.MAX_VALUE, c -> ((Command.Tick) c).ms()),
                new Range("create size=%s", 0, U32,
                        c -> Integer.toUnsignedLong(((Command.Create) c).params().poolSize())),
                new Range("create max_len=%s", 0, U32,
                        c -> Integer.toUnsignedLong(((Command.Create) c).params().maxLen())),
                new Range("create offset=%s", 0, U32,
                        c -> Integer.toUnsignedLong(((Command.Create) c).params().offset())),
                new Range("create flags=%s", 0, U32,
                        c -> Integer.toUnsignedLong(((Command.Create) c).params().flags())),
                new Range("create order=%s", 0, 10, c -> ((Command.Create) c).params().order()),
                new Range("create nid=%s", -1, 7, c -> ((Command.Create) c).params().nid()),
                new Range("update_nid nid=%s", -1, 7, c -> ((Command.UpdateNid) c).nid()),
                new Range("alloc n=%s", 1, 100000, c -> ((Command.Alloc) c).n()),
                new Range("put p=1 sync=%s", BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(U32),
                        c -> ((Command.Put) c).sync(), true),
                new Range("put p=1 direct=%s", 0, 1, c -> ((Command.Put) c).direct() ? 1 : 0),
                new Range("put p=%s", 1, U32, c -> Integer.toUnsignedLong(((Command.Put) c).handle())),
                new Range("put p=p%s", 1, U32, c -> Integer.toUnsignedLong(((Command.Put) c).handle())),
                new Range("recycle p=p%s", 1, U32, c -> Integer.toUnsignedLong(((Command.Recycle) c).handle())),
                new Range("skb_free p=p%s", 1, U32, c -> Integer.toUnsignedLong(((Command.SkbFree) c).handle())),
                new Range("get p=p%s", 1, U32, c -> Integer.toUnsignedLong(((Command.Get) c).handle())),
                new Range("drop p=%s", 1, U32, c -> Integer.toUnsignedLong(((Command.Drop) c).handle())),
                new Range("release p=p%s", 1, U32, c -> Integer.toUnsignedLong(((Command.Release) c).handle())),
                new Range("put_bulk p=p%s", 1, U32,
                        c -> Integer.toUnsignedLong(((Command.PutBulk) c).handles()[0])),
                new Range("put_bulk p=p7,%s", 1, U32,
                        c -> Integer.toUnsignedLong(((Command.PutBulk) c).handles()[1])),
                new Range("expect inflight=%s", Integer.MIN_VALUE, Integer.MAX_VALUE,
                        c -> ((Command.Expect) c).expectations().get(0).value())));
        for (StateField field : StateField.values()) {
            if (field != StateField.POOL && field != StateField.INFLIGHT) {
                rows.add(new Range("expect " + field.key() + "=%s", 0, Long.MAX_VALUE,
                        c -> ((Command.Expect) c).expectations().get(0).value()));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("ranges")
    void bothEndsOfEveryRangeParse(Range range) throws ScriptSyntaxError {
        for (BigInteger v : List.of(range.min, range.max)) {
            Command c = parsed(String.format(Locale.ROOT, range.template, v));
            assertThat(range.read.applyAsLong(c)).as(range.template + " with " + v).isEqualTo(range.expected(v));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("ranges")
    void justOutsideEveryRangeIsASyntaxError(Range range) {
        for (BigInteger v : List.of(range.min.subtract(BigInteger.ONE), range.max.add(BigInteger.ONE))) {
            String line = String.format(Locale.ROOT, range.template, v);
            ScriptSyntaxError e = syntaxError(line);
            assertThat(e.line()).as(line).isEqualTo(BAD_LINE);
            assertThat(e.getMessage()).as(line).contains(v.toString());
        }
    }

    @Test
    void putBulkTakesOneToTenTwentyFourHandles() throws ScriptSyntaxError {
        Command one = parsed("put_bulk p=p9");
        assertThat(((Command.PutBulk) one).handles()).containsExactly(9);
        Command most = parsed("put_bulk p=" + handles(1024));
        assertThat(((Command.PutBulk) most).handles()).hasSize(1024);
        assertThat(((Command.PutBulk) most).handles()[1023]).isEqualTo(1024);
        assertThat(syntaxError("put_bulk p=" + handles(1025)).line()).isEqualTo(BAD_LINE);
    }

    @Test
    void expectPoolTakesTheFourStates() throws ScriptSyntaxError {
        for (String state : List.of("none", "alive", "deferred", "freed")) {
            Command.Expect e = (Command.Expect) parsed("expect pool=" + state);
            assertThat(e.expectations()).hasSize(1);
            assertThat(e.expectations().get(0).field()).isEqualTo(StateField.POOL);
            assertThat(e.expectations().get(0).word()).isEqualTo(state);
        }
    }

    // ---- lexical acceptance ---------------------------------------------------------------------------------

    @Nested
    class LexicalTest {
        @Test
        void commentsAndBlankLinesPrintNothingAndKeepLineNumbers() throws ScriptSyntaxError {
            Script s = ScriptParser.parse("t.pool", List.of("# top", "", "alloc n=3 # trailing", "   ",
                    "\t# tabbed comment", "stats#glued comment", "#", "buddy"));
            assertThat(s.commands()).extracting(Command::line).containsExactly(3, 6, 8);
            assertThat(s.commands()).extracting(Command::word).containsExactly("alloc", "stats", "buddy");
            assertThat(((Command.Alloc) s.commands().get(0)).n()).isEqualTo(3);
            assertThat(s.sourceLines()).hasSize(8);
        }

        @Test
        void tabsAndRunsOfSpacesSeparateArguments() throws ScriptSyntaxError {
            Command c = only("put\tp=p5 \t  sync=7\t\tdirect=1");
            assertThat(c).isEqualTo(new Command.Put(1, 5, 7, true));
        }

        @Test
        void leadingAndTrailingWhiteSpaceIsIgnored() throws ScriptSyntaxError {
            assertThat(only(" \t alloc n=4 \t ")).isEqualTo(new Command.Alloc(1, 4));
            assertThat(only("\tsoftirq   off  ")).isEqualTo(new Command.Softirq(1, false));
        }

        @Test
        void hexadecimalNumbers() throws ScriptSyntaxError {
            assertThat(only("alloc n=0x40")).isEqualTo(new Command.Alloc(1, 64));
            assertThat(((Command.Create) only("create max_len=0x800 size=0x10")).params().maxLen()).isEqualTo(2048);
            assertThat(((Command.Tick) only("tick ms=0x3e8")).ms()).isEqualTo(1000);
            Command.Expect e = (Command.Expect) only("expect cache=0x3e");
            assertThat(e.expectations().get(0).value()).isEqualTo(62);
            assertThat(e.expectations().get(0).written()).isEqualTo("0x3e");
        }

        @Test
        void negativeNumbersWhereAllowed() throws ScriptSyntaxError {
            assertThat(((Command.Put) only("put p=1 sync=-1")).sync()).isEqualTo(-1);
            assertThat(((Command.Create) only("create nid=-1")).params().nid()).isEqualTo(-1);
            assertThat(((Command.UpdateNid) only("update_nid nid=-1")).nid()).isEqualTo(-1);
            assertThat(((Command.Expect) only("expect inflight=-3")).expectations().get(0).value()).isEqualTo(-3);
        }

        @Test
        void putDefaults() throws ScriptSyntaxError {
            assertThat(only("put p=p3")).isEqualTo(new Command.Put(1, 3, -1, false));
            assertThat(only("alloc")).isEqualTo(new Command.Alloc(1, 1));
        }

        @Test
        void aBareNumberIsTheSameHandle() throws ScriptSyntaxError {
            assertThat(only("put p=64")).isEqualTo(only("put p=p64"));
            assertThat(((Command.Recycle) only("recycle p=64")).handle()).isEqualTo(64);
            assertThat(((Command.Get) only("get p=4294967295")).handle()).isEqualTo(-1);
            assertThat(((Command.PutBulk) only("put_bulk p=64,p63,62")).handles()).containsExactly(64, 63, 62);
            assertThat(((Command.PutBulk) only("put_bulk p=64,p64")).handles()).containsExactly(64, 64);
        }

        @Test
        void flagsAreNamesNumbersOrBothOred() throws ScriptSyntaxError {
            int map = PagePool.PP_FLAG_DMA_MAP;
            int sync = PagePool.PP_FLAG_DMA_SYNC_DEV;
            assertThat(flags("DMA_MAP,DMA_SYNC_DEV")).isEqualTo(map | sync);
            assertThat(flags("DMA_SYNC_DEV")).isEqualTo(sync);
            assertThat(flags("3")).isEqualTo(3);
            assertThat(flags("0x3")).isEqualTo(3);
            assertThat(flags("DMA_MAP,8")).isEqualTo(map | 8);
            assertThat(flags("4,DMA_MAP,0x10")).isEqualTo(map | 4 | 16);
            assertThat(flags("DMA_MAP,DMA_MAP")).isEqualTo(map);
            assertThat(flags("0xffffffff")).isEqualTo(-1);
            assertThat(map).isEqualTo(1);
            assertThat(sync).isEqualTo(2);
        }

        private int flags(String text) throws ScriptSyntaxError {
            return ((Command.Create) only("create flags=" + text)).params().flags();
        }

        @Test
        void createDefaultsAndDirections() throws ScriptSyntaxError {
            Command.Create c = (Command.Create) only("create");
            assertThat(c.params().poolSize()).isZero();
            assertThat(c.params().flags()).isZero();
            assertThat(c.params().order()).isZero();
            assertThat(c.params().nid()).isEqualTo(-1);
            assertThat(c.params().maxLen()).isZero();
            assertThat(c.params().offset()).isZero();
            assertThat(c.params().dmaDir()).isEqualTo(DmaDirection.FROM_DEVICE);
            assertThat(((Command.Create) only("create dma_dir=BIDIRECTIONAL")).params().dmaDir())
                    .isEqualTo(DmaDirection.BIDIRECTIONAL);
            assertThat(((Command.Create) only("create dma_dir=TO_DEVICE")).params().dmaDir())
                    .isEqualTo(DmaDirection.TO_DEVICE);
            assertThat(((Command.Create) only("create dma_dir=FROM_DEVICE")).params().dmaDir())
                    .isEqualTo(DmaDirection.FROM_DEVICE);
        }

        @Test
        void memoryForms() throws ScriptSyntaxError {
            assertThat(((Command.Memory) only("memory nodes=2 pages=100")).nodePages()).containsExactly(100, 100);
            assertThat(((Command.Memory) only("memory pages=16,8")).nodePages()).containsExactly(16, 8);
            assertThat(((Command.Memory) only("memory nodes=2 pages=16,8")).nodePages()).containsExactly(16, 8);
            assertThat(((Command.Memory) only("memory pages=16,8 nodes=2")).nodePages()).containsExactly(16, 8);
            assertThat(((Command.Memory) only("memory pages=300")).nodePages()).containsExactly(300);
            assertThat(((Command.Memory) only("memory nodes=3")).nodePages()).containsExactly(4096, 4096, 4096);
            assertThat(((Command.Memory) only("memory")).nodePages()).containsExactly(4096);
            assertThat(((Command.Memory) only("memory pages=1,2,3,4,5,6,7,8")).nodePages())
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        }

        @Test
        void environmentWords() throws ScriptSyntaxError {
            assertThat(only("softirq on")).isEqualTo(new Command.Softirq(1, true));
            assertThat(only("softirq off")).isEqualTo(new Command.Softirq(1, false));
            assertThat(only("pressure on")).isEqualTo(new Command.Pressure(1, true));
            assertThat(only("pressure off")).isEqualTo(new Command.Pressure(1, false));
            Command.Fail f = (Command.Fail) only("fail dma=3");
            assertThat(f.dma()).isEqualTo(3);
            assertThat(f.alloc()).as("a key not given: -1, it does not set its counter").isEqualTo(-1);
            assertThat(only("stats")).isInstanceOf(Command.Stats.class);
            assertThat(only("buddy")).isInstanceOf(Command.Buddy.class);
            assertThat(only("xdp_reg")).isInstanceOf(Command.XdpReg.class);
            assertThat(only("destroy")).isInstanceOf(Command.Destroy.class);
        }

        @Test
        void expectKeepsFieldsInArgumentOrder() throws ScriptSyntaxError {
            Command.Expect e = (Command.Expect) only("expect ring=0 pool=alive cache=62 inflight=-1");
            assertThat(e.expectations()).extracting(Command.Expectation::field)
                    .containsExactly(StateField.RING, StateField.POOL, StateField.CACHE, StateField.INFLIGHT);
        }
    }

    // ---- files: CRLF, BOM, UTF-8 ----------------------------------------------------------------------------

    @Nested
    class ScriptFilesTest {
        @TempDir
        Path dir;

        private Path write(String name, byte[] bytes) throws IOException {
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            return file;
        }

        private static final String SCRIPT = "# crlf and bom\nmemory pages=256\n\ncreate\nalloc n=2\nstats\n";

        @Test
        void crlfLineEndingsGiveTheSameTraceAsLf() throws IOException {
            Path lf = write("lf.pool", SCRIPT.getBytes(StandardCharsets.UTF_8));
            Path crlf = write("crlf.pool", SCRIPT.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            String[] a = cli(lf);
            String[] b = cli(crlf);
            assertThat(a[0]).isEqualTo("0");
            assertThat(a[1]).startsWith("2 memory -> ok | ").contains("\n5 alloc -> p64@n0 p63@n0 | ");
            assertThat(b).containsExactly(a);
            assertThat(b[1]).doesNotContain("\r");
        }

        @Test
        void crlfWithoutFinalNewline() throws Exception {
            Path crlf = write("crlf.pool", "memory pages=256\r\ncreate\r".getBytes(StandardCharsets.UTF_8));
            Script s = ScriptFiles.load(crlf, "crlf.pool");
            assertThat(s.commands()).extracting(Command::word).containsExactly("memory", "create");
        }

        @Test
        void aUtf8ByteOrderMarkIsSkipped() throws Exception {
            byte[] text = SCRIPT.getBytes(StandardCharsets.UTF_8);
            byte[] bom = new byte[text.length + 3];
            bom[0] = (byte) 0xef;
            bom[1] = (byte) 0xbb;
            bom[2] = (byte) 0xbf;
            System.arraycopy(text, 0, bom, 3, text.length);
            Path plain = write("plain.pool", text);
            Path withBom = write("bom.pool", bom);
            assertThat(cli(withBom)).containsExactly(cli(plain));
            Path bomFirstCommand = write("bom2.pool", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                    "alloc n=2\n".getBytes(StandardCharsets.UTF_8)));
            Script s = ScriptFiles.load(bomFirstCommand, "bom2.pool");
            assertThat(s.commands()).containsExactly(new Command.Alloc(1, 2));
        }

        @Test
        void utf8CommentsAreFine() throws Exception {
            Path file = write("u.pool", "# café ✓ 页面\nalloc n=2 # naïve\n".getBytes(StandardCharsets.UTF_8));
            assertThat(ScriptFiles.load(file, "u.pool").commands()).containsExactly(new Command.Alloc(2, 2));
        }

        @Test
        void invalidUtf8OutsideACommentIsAnErrorOnItsLine() throws IOException {
            byte[] head = "# ok\nmemory pages=256\ncreate\nalloc n=2".getBytes(StandardCharsets.UTF_8);
            byte[] bad = {(byte) 0xc3, (byte) 0x28, '\n'};
            byte[] tail = "alloc\n".getBytes(StandardCharsets.UTF_8);
            Path file = write("bad.pool", concat(concat(head, bad), tail));
            String[] r = cli(file);
            assertThat(r[0]).isEqualTo("2");
            assertThat(r[1]).as("nothing runs").isEmpty();
            assertThat(r[2]).startsWith("error: " + file + ":4: ").contains("0xC3");
            assertThat(r[2].strip()).doesNotContain("\n");
        }

        @Test
        void invalidUtf8InACommentIsNeverRead() throws IOException {
            byte[] head = "memory pages=256\n# \u00e9 then bad: ".getBytes(StandardCharsets.UTF_8);
            byte[] bad = {(byte) 0xff, (byte) 0xc3, (byte) 0x28, '\n'};
            byte[] tail = "create # and here \u00ff: ".getBytes(StandardCharsets.UTF_8);
            Path file = write("fine.pool", concat(concat(concat(head, bad), tail), bad));
            String[] r = cli(file);
            assertThat(r[2]).isEmpty();
            assertThat(r[0]).isEqualTo("0");
            assertThat(r[1]).startsWith("1 memory -> ok").contains("\n3 create -> ok");
        }

        @Test
        void invalidUtf8OnTheFirstLine() throws IOException {
            Path file = write("bad1.pool", new byte[] {'a', (byte) 0xff, '\n', 'b', '\n'});
            String[] r = cli(file);
            assertThat(r[0]).isEqualTo("2");
            assertThat(r[1]).isEmpty();
            assertThat(r[2]).startsWith("error: " + file + ":1: ");
        }

        @Test
        void anEmptyFileRunsNothingAndSucceeds() throws IOException {
            Path file = write("empty.pool", new byte[0]);
            String[] r = cli(file);
            assertThat(r).containsExactly("0", "", "");
        }

        private byte[] concat(byte[] a, byte[] b) {
            byte[] all = new byte[a.length + b.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }

    @Test
    void syntaxErrorStopsBeforeAnythingRunsEvenWhenEarlierLinesWouldFail(@TempDir Path dir) throws IOException {
        // line 2 would be a run-time error (no pool), line 4 an expect failure: the syntax error on 5 wins
        Path file = dir.resolve("x.pool");
        Files.write(file, List.of("memory pages=64", "alloc", "create", "expect cache=99", "alloc n=0"),
                StandardCharsets.UTF_8);
        String[] r = cli(file);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).isEmpty();
        assertThat(r[2]).startsWith("error: " + file + ":5: ");
    }

    @Test
    void parsedScriptKeepsFileNameAndSource() throws ScriptSyntaxError {
        List<String> lines = List.of("# c", "alloc");
        Script s = ScriptParser.parse("name.pool", lines);
        assertThat(s.fileName()).isEqualTo("name.pool");
        assertThat(s.sourceLines()).isEqualTo(lines);
        assertThat(s.commands()).containsExactly(new Command.Alloc(2, 1));
    }
}
