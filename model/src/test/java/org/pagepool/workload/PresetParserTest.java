// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The preset format: what it accepts, and for every kind of mistake the line
 * it names and a message that says what is wrong.
 */
class PresetParserTest {
    private static final String TITLE = "title = a test preset";

    private static Preset parse(String... lines) throws PresetParser.PresetError {
        return PresetParser.parse("test.workload", Arrays.asList(lines));
    }

    /** Parses lines that must fail; returns the error. */
    private static PresetParser.PresetError error(String... lines) {
        PresetParser.PresetError e = catchThrowableOfType(() -> parse(lines), PresetParser.PresetError.class);
        assertThat(e).as("parsing %s must fail", Arrays.toString(lines)).isNotNull();
        return e;
    }

    // ---- acceptance -------------------------------------------------------------------------------------------

    @Test
    void aFullPresetIsRead() throws Exception {
        Preset p = parse(
                "# A header comment",
                "",
                "title = The whole format, #1   ",
                "summary = First line of the story.",
                "   ",
                "summary = Second line.",
                "watch = one thing",
                "watch = another thing",
                "duration = 250ms",
                "seed = 42",
                "\ttraffic.rate = 10M   # a trailing comment",
                "traffic.duty = 25%",
                "traffic.burst_ns = 50us",
                "skb.clone = 0.3",
                "tx.bulk = on",
                "memory.pressure = off",
                "napi.packet_ns = 40ns",
                "irq.latency_ns = 1.5us",
                "tx.latency_ns = 2ms",
                "redirect.latency_ns = 3µs",
                "skb.lifetime_ns = 1s",
                "memory.pages = 32k",
                "nic.rx_ring=512",
                "cpus = 4");
        assertThat(p.name()).isEqualTo("test.workload");
        assertThat(p.title()).isEqualTo("The whole format, #1");
        assertThat(p.summary()).containsExactly("First line of the story.", "Second line.");
        assertThat(p.watch()).containsExactly("one thing", "another thing");
        assertThat(p.durationNs()).isEqualTo(250_000_000L);
        assertThat(p.seed()).isEqualTo(42);
        WorkloadParams w = p.params();
        assertThat(w.get(Param.RATE)).isEqualTo(10e6);
        assertThat(w.get(Param.DUTY)).isEqualTo(0.25);
        assertThat(w.getLong(Param.BURST)).isEqualTo(50_000);
        assertThat(w.get(Param.SKB_CLONE)).isEqualTo(0.3);
        assertThat(w.getBoolean(Param.TX_BULK)).isTrue();
        assertThat(w.getBoolean(Param.PRESSURE)).isFalse();
        assertThat(w.getLong(Param.PACKET_COST)).isEqualTo(40);
        assertThat(w.getLong(Param.IRQ_LATENCY)).isEqualTo(1_500);
        assertThat(w.getLong(Param.TX_LATENCY)).isEqualTo(2_000_000);
        assertThat(w.getLong(Param.REDIRECT_LATENCY)).isEqualTo(3_000);
        assertThat(w.getLong(Param.SKB_LIFETIME)).isEqualTo(1_000_000_000L);
        assertThat(w.getInt(Param.NODE_PAGES)).isEqualTo(32_000);
        assertThat(w.getInt(Param.RX_RING)).isEqualTo(512);
        assertThat(p.timeline()).isEmpty();
    }

    @Test
    void unsetParametersKeepTheirDefaultsAndDurationAndSeedHaveDefaults() throws Exception {
        Preset p = parse(TITLE);
        assertThat(p.params()).isEqualTo(WorkloadParams.defaults());
        assertThat(p.durationNs()).isEqualTo(1_000_000_000L);
        assertThat(p.seed()).isEqualTo(1);
        assertThat(p.summary()).isEmpty();
        assertThat(p.watch()).isEmpty();
    }

    @Test
    void rateSuffixesAndSwitchWords() throws Exception {
        assertThat(parse(TITLE, "traffic.rate = 2.5k").params().get(Param.RATE)).isEqualTo(2_500);
        assertThat(parse(TITLE, "traffic.rate = 2K").params().get(Param.RATE)).isEqualTo(2_000);
        assertThat(parse(TITLE, "traffic.rate = 0.1G").params().get(Param.RATE)).isEqualTo(100e6);
        assertThat(parse(TITLE, "traffic.rate = 7Mpps").params().get(Param.RATE)).isEqualTo(7e6);
        for (String on : List.of("on", "true", "yes", "1", "ON")) {
            assertThat(parse(TITLE, "tx.bulk = " + on).params().getBoolean(Param.TX_BULK)).as(on).isTrue();
        }
        for (String off : List.of("off", "false", "no", "0", "Off")) {
            assertThat(parse(TITLE, "tx.bulk = " + off).params().getBoolean(Param.TX_BULK)).as(off).isFalse();
        }
        assertThat(parse(TITLE, "xdp.pass = 1e3").params().get(Param.PASS)).isEqualTo(1000);
        assertThat(parse(TITLE, "pool.nid = -1").params().getInt(Param.POOL_NID)).isEqualTo(-1);
        assertThat(parse(TITLE, "duration = 2 min").durationNs()).isEqualTo(120_000_000_000L);
    }

    @Test
    void theTimelineKeepsTheFileOrderAndSameTimeEventsTheirOrder() throws Exception {
        Preset p = parse(TITLE,
                "cpus = 4",
                "at 0ns: skb.clone = 10%",
                "at 500ms: irq.cpu = 2",
                "at 500ms: traffic.rate = 1M   # same time as the irq move, later in the file",
                "at 1s: memory.pressure = on",
                "at 1s: unload",
                "at\t1000ms: memory.pressure = off",
                "at 1.5 s: reload   # a blank may stand between a number and its unit",
                "duration = 2s");
        List<TimedAction> t = p.timeline();
        assertThat(t).extracting(TimedAction::timeNs).containsExactly(0L, 500_000_000L, 500_000_000L,
                1_000_000_000L, 1_000_000_000L, 1_000_000_000L, 1_500_000_000L);
        assertThat(t).extracting(TimedAction::line).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(t.get(0).action()).isEqualTo(new TimedAction.SetParam(Param.SKB_CLONE, 0.1));
        assertThat(t.get(1).action()).isEqualTo(new TimedAction.SetParam(Param.IRQ_CPU, 2));
        assertThat(t.get(2).action()).isEqualTo(new TimedAction.SetParam(Param.RATE, 1e6));
        assertThat(t.get(3).action()).isEqualTo(new TimedAction.SetParam(Param.PRESSURE, 1));
        assertThat(t.get(4).action()).isInstanceOf(TimedAction.Unload.class);
        assertThat(t.get(5).action()).isEqualTo(new TimedAction.SetParam(Param.PRESSURE, 0));
        assertThat(t.get(6).action()).isInstanceOf(TimedAction.Reload.class);
        // the timeline does not change the starting parameters
        assertThat(p.params().getInt(Param.IRQ_CPU)).isZero();
        assertThat(p.params().get(Param.RATE)).isEqualTo(Param.RATE.defaultValue());
    }

    @Test
    void reloadScopeParametersMayChangeOnTheTimeline() throws Exception {
        Preset p = parse(TITLE, "at 30ms: pool.size = 2048", "at 30ms: reload");
        assertThat(p.timeline()).extracting(TimedAction::action)
                .containsExactly(new TimedAction.SetParam(Param.POOL_SIZE, 2048), new TimedAction.Reload());
    }

    // ---- errors -----------------------------------------------------------------------------------------------

    static Stream<Arguments> malformed() {
        return Stream.of(
                // what, lines, expected line, words the message must contain
                Arguments.of("unknown setting", List.of(TITLE, "traffic.speed = 5"), 2,
                        List.of("unknown setting", "traffic.speed", "traffic.rate")),
                Arguments.of("unknown setting in an event", List.of(TITLE, "at 1s: bogus.key = 3"), 2,
                        List.of("unknown setting", "bogus.key")),
                Arguments.of("line without =", List.of(TITLE, "", "# c", "traffic.rate 5M"), 4,
                        List.of("expected key = value", "traffic.rate 5M")),
                Arguments.of("at without colon", List.of(TITLE, "at 1s reload"), 2,
                        List.of("expected at TIME: event")),
                Arguments.of("at with a bad time", List.of(TITLE, "at soon: reload"), 2,
                        List.of("not a time", "at", "soon")),
                Arguments.of("at with a bad unit", List.of(TITLE, "at 5 minutes: reload"), 2,
                        List.of("unknown time unit \"minutes\"", "ns, us, ms, s or min")),
                Arguments.of("at with a negative time", List.of(TITLE, "at -5ms: reload"), 2,
                        List.of("time out of range for at: -5ms (allowed 0..1000000s)")),
                Arguments.of("unknown event", List.of(TITLE, "at 1s: explode"), 2,
                        List.of("unknown event", "explode")),
                Arguments.of("event value not a number", List.of(TITLE, "cpus = 4", "at 1s: irq.cpu = two"), 3,
                        List.of("not a number", "irq.cpu", "two")),
                Arguments.of("event value out of range", List.of(TITLE, "at 1s: skb.clone = 2"), 2,
                        List.of("out of range", "skb.clone")),
                Arguments.of("value not a number", List.of(TITLE, "traffic.rate = fast"), 2,
                        List.of("not a number", "traffic.rate", "fast")),
                Arguments.of("value with junk after the number", List.of(TITLE, "nic.rx_ring = 512x"), 2,
                        List.of("not a number", "nic.rx_ring", "512x")),
                Arguments.of("empty value", List.of(TITLE, "nic.rx_ring ="), 2,
                        List.of("not a number", "nic.rx_ring")),
                Arguments.of("count below range", List.of(TITLE, "nic.rx_ring = 4"), 2,
                        List.of("out of range", "nic.rx_ring", "8..8192")),
                Arguments.of("count above range", List.of(TITLE, "cpus = 65"), 2,
                        List.of("out of range", "cpus", "1..64")),
                Arguments.of("count not whole", List.of(TITLE, "nic.rx_ring = 100.5"), 2,
                        List.of("whole number", "nic.rx_ring", "100.5")),
                Arguments.of("boolean not a switch word", List.of(TITLE, "tx.bulk = maybe"), 2,
                        List.of("tx.bulk", "on or off", "maybe")),
                Arguments.of("boolean out of range", List.of(TITLE, "memory.pressure = 2"), 2,
                        List.of("memory.pressure", "on or off", "2")),
                Arguments.of("fraction with % above 100", List.of(TITLE, "skb.clone = 150%"), 2,
                        List.of("out of range", "skb.clone", "150%")),
                Arguments.of("fraction with % below 0", List.of(TITLE, "driver.leak = -5%"), 2,
                        List.of("out of range", "driver.leak", "-5%")),
                Arguments.of("fraction above 1", List.of(TITLE, "skb.remote = 1.01"), 2,
                        List.of("out of range", "skb.remote")),
                Arguments.of("fraction not a number", List.of(TITLE, "traffic.duty = half%"), 2,
                        List.of("not a number", "traffic.duty")),
                Arguments.of("duty below its minimum", List.of(TITLE, "traffic.duty = 0%"), 2,
                        List.of("out of range", "traffic.duty")),
                Arguments.of("time in s above range", List.of(TITLE, "irq.latency_ns = 2s"), 2,
                        List.of("out of range", "irq.latency_ns", "2s")),
                Arguments.of("time in ms above range", List.of(TITLE, "napi.poll_ns = 2ms"), 2,
                        List.of("out of range", "napi.poll_ns", "2ms")),
                Arguments.of("time in us negative", List.of(TITLE, "tx.latency_ns = -1us"), 2,
                        List.of("out of range", "tx.latency_ns: -1us", "allowed 0ns..1s")),
                Arguments.of("time in ns below minimum", List.of(TITLE, "napi.packet_ns = 0ns"), 2,
                        List.of("out of range", "napi.packet_ns", "0ns")),
                Arguments.of("time with an unknown unit", List.of(TITLE, "tx.latency_ns = 5h"), 2,
                        List.of("unknown time unit \"h\"", "tx.latency_ns", "ns, us, ms, s or min")),
                Arguments.of("rate in G above range", List.of(TITLE, "traffic.rate = 1G"), 2,
                        List.of("out of range", "traffic.rate", "1G")),
                Arguments.of("rate in M above range", List.of(TITLE, "traffic.rate = 201M"), 2,
                        List.of("out of range", "traffic.rate", "201M")),
                Arguments.of("rate in k negative", List.of(TITLE, "traffic.rate = -1k"), 2,
                        List.of("out of range", "traffic.rate", "-1k")),
                Arguments.of("weight above range", List.of(TITLE, "xdp.drop = 2M"), 2,
                        List.of("out of range", "xdp.drop")),
                Arguments.of("RESET param memory.pages on the timeline", List.of(TITLE, "at 1s: memory.pages = 4096"),
                        2, List.of("memory.pages", "cannot change during a run")),
                Arguments.of("RESET param cpus on the timeline", List.of(TITLE, "", "at 1s: cpus = 2"), 3,
                        List.of("cpus", "cannot change during a run")),
                Arguments.of("RESET param memory.nodes on the timeline", List.of(TITLE, "at 2ms: memory.nodes = 2"),
                        2, List.of("memory.nodes", "cannot change during a run")),
                Arguments.of("the seed on the timeline", List.of(TITLE, "at 2ms: seed = 5"), 2,
                        List.of("seed belongs to the whole run", "set it at the top")),
                Arguments.of("the title on the timeline", List.of(TITLE, "at 2ms: title = later"), 2,
                        List.of("title belongs to the whole run")),
                Arguments.of("param set twice", List.of(TITLE, "traffic.rate = 1M", "xdp.drop = 1",
                        "traffic.rate = 2M"), 4, List.of("traffic.rate", "set twice")),
                Arguments.of("missing title", List.of("# only a comment", "traffic.rate = 1M"), 0,
                        List.of("no title")),
                Arguments.of("empty file", List.of(), 0, List.of("no title")),
                Arguments.of("empty title", List.of("title =   ", "traffic.rate = 1M"), 1,
                        List.of("title", "needs a value")),
                Arguments.of("empty summary", List.of(TITLE, "summary =  \t "), 2,
                        List.of("summary", "needs a value")),
                Arguments.of("empty watch", List.of(TITLE, "watch ="), 2, List.of("watch", "needs a value")),
                // -1: the cross-checks of settings report no line yet (see crossCheckErrorsNameTheLineAtFault)
                Arguments.of("irq.cpu not below cpus", List.of(TITLE, "cpus = 2", "irq.cpu = 2"), -1,
                        List.of("irq.cpu", "below cpus", "2")),
                Arguments.of("redirect.cpu not below cpus", List.of(TITLE, "cpus = 1", "redirect.cpu = 1"), -1,
                        List.of("redirect.cpu", "below cpus", "1")),
                Arguments.of("irq.cpu event not below cpus", List.of(TITLE, "cpus = 4", "", "at 1s: irq.cpu = 4"), 4,
                        List.of("irq.cpu", "below cpus", "4")),
                Arguments.of("rss event", List.of(TITLE, "nic.queues = 4", "at 1s: rss = zipf:10"), 3,
                        List.of("rss cannot change during a run", "top of the preset")),
                Arguments.of("irq.cpus event", List.of(TITLE, "at 1s: irq.cpus = 0-3"), 2,
                        List.of("irq.cpus cannot change during a run")),
                Arguments.of("redirect.cpu event not below cpus", List.of(TITLE, "at 1s: redirect.cpu = 9"), 2,
                        List.of("redirect.cpu", "below cpus")),
                Arguments.of("pool.nid not below memory.nodes", List.of(TITLE, "memory.nodes = 2", "pool.nid = 2"),
                        -1, List.of("pool.nid", "memory.nodes", "2")),
                Arguments.of("pool.nid event not below memory.nodes", List.of(TITLE, "at 5ms: pool.nid = 1"), 2,
                        List.of("pool.nid", "memory.nodes")),
                Arguments.of("duration 0", List.of(TITLE, "duration = 0s"), 2,
                        List.of("time out of range for duration: 0s (allowed 1ns..1000000s)")),
                Arguments.of("duration rounding to 0", List.of(TITLE, "duration = 0.2ns"), 2,
                        List.of("time out of range for duration: 0.2ns (allowed 1ns..1000000s)")),
                Arguments.of("a checkpoint with a counter and no time", List.of(TITLE, "checkpoint ring_full: x"), 2,
                        List.of("checkpoint: not a time: \"ring_full\"")),
                Arguments.of("a clock time in a checkpoint", List.of(TITLE, "checkpoint 5:00 buddy: x"), 2,
                        List.of("not a time: \"5:00\"", "e.g. checkpoint 5min buddy")),
                Arguments.of("an em space after a value", List.of(TITLE, "xdp.drop = 5\u2003"), 2,
                        List.of("not a number: \"5U+2003\"")),
                Arguments.of("an em space before a unit", List.of(TITLE, "skb.lifetime_ns = 10\u2003ms"), 2,
                        List.of("not a number: \"10U+2003\"")),
                Arguments.of("minus zero where nothing is below 0", List.of(TITLE, "pool.size = -0"), 2,
                        List.of("value out of range for pool.size: -0 (allowed 0..32768)")),
                Arguments.of("a hexadecimal time", List.of(TITLE, "skb.lifetime_ns = 0x10"), 2,
                        List.of("not a number: \"0x10\"")),
                Arguments.of("duration not a time", List.of(TITLE, "duration = long"), 2,
                        List.of("not a time", "duration")),
                Arguments.of("seed not a number", List.of(TITLE, "seed = abc"), 2,
                        List.of("whole number", "seed", "abc")),
                Arguments.of("checkpoint without text", List.of(TITLE, "checkpoint 5ms ptrRing:"), 2,
                        List.of("text after the colon")),
                Arguments.of("checkpoint pointing at nothing", List.of(TITLE, "checkpoint 5ms nowhere: look"), 2,
                        List.of("region", "counter")),
                Arguments.of("checkpoint times out of order", List.of(TITLE, "checkpoint 5ms ptrRing: a",
                        "checkpoint 2ms ptrRing: b"), 3, List.of("order they happen", "line 2")),
                Arguments.of("checkpoint time before an earlier one, a step checkpoint between",
                        List.of(TITLE, "checkpoint 5ms ptrRing: a", "checkpoint step 10 ptrRing: b",
                                "checkpoint 2ms ptrRing: c"), 4, List.of("order they happen", "line 2")),
                Arguments.of("checkpoint steps out of order", List.of(TITLE, "checkpoint step 50 ptrRing: a",
                        "checkpoint 1ms ptrRing: b", "checkpoint step 20 ptrRing: c"), 4,
                        List.of("order they happen", "line 2")),
                Arguments.of("ask before any checkpoint", List.of(TITLE, "ask = why?"), 2,
                        List.of("ask belongs to a checkpoint")),
                Arguments.of("choices without ask", List.of(TITLE, "checkpoint 5ms ptrRing: a", "choices = x | *y"),
                        3, List.of("ask")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void everyMistakeNamesItsLineAndTheProblem(String what, List<String> lines, int line, List<String> words) {
        PresetParser.PresetError e = error(lines.toArray(String[]::new));
        if (line >= 0) {
            assertThat(e.line()).as("%s: line of \"%s\"", what, e.getMessage()).isEqualTo(line);
        }
        assertThat(e.getMessage()).as(what).contains(words);
    }

    @Test
    void checkpointsAtTimesAndStepsWithAQuestionAreRead() throws Exception {
        Preset p = parse(TITLE, "checkpoint step 10 allocCache: the first refill",
                "checkpoint 2ms ring_full: the ring is full", "ask = where does the next page go?",
                "choices = the cache | *the page allocator", "checkpoint step 5000 ptrRing: later");
        assertThat(p.checkpoints()).hasSize(3);
        Checkpoint second = p.checkpoints().get(1);
        assertThat(second.timeNs()).isEqualTo(2_000_000L);
        assertThat(second.step()).isEqualTo(-1);
        assertThat(second.target()).isEqualTo("ring_full");
        assertThat(second.question()).isEqualTo("where does the next page go?");
        assertThat(second.choices()).containsExactly("the cache", "the page allocator");
        assertThat(second.answer()).isEqualTo(1);
        assertThat(p.checkpoints().get(2).step()).isEqualTo(5000);
        assertThat(p.checkpoints().get(2).line()).isEqualTo(6);
    }

    @Test
    void theFirstMistakeInTheFileIsReported() {
        PresetParser.PresetError e = error(TITLE, "traffic.rate = 1M", "nic.rx_ring = 1", "tx.bulk = maybe");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("nic.rx_ring");
    }

    @Test
    void aCommentDoesNotHideAMistakeBeforeIt() {
        PresetParser.PresetError e = error(TITLE, "xdp.tx = lots # a comment");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("not a number", "lots").doesNotContain("comment");
    }

    // ---- files -------------------------------------------------------------------------------------------------

    @Test
    void aMissingFileCannotBeOpened(@TempDir Path dir) {
        String name = dir.resolve("nope.workload").toString();
        PresetFiles.BadPreset e = catchThrowableOfType(() -> PresetFiles.load(name), PresetFiles.BadPreset.class);
        assertThat(e).isNotNull();
        assertThat(e.line()).isZero();
        assertThat(e.located()).isEqualTo(name + ": cannot open: No such file or directory");
    }

    @Test
    void aDirectoryCannotBeOpened(@TempDir Path dir) {
        PresetFiles.BadPreset e = catchThrowableOfType(() -> PresetFiles.load(dir, "somedir"),
                PresetFiles.BadPreset.class);
        assertThat(e.located()).startsWith("somedir: cannot open:");
    }

    @Test
    void anErrorInAFileIsLocatedAsFileLineMessage() {
        Path file = Presets.testPreset("bad-value.workload");
        PresetFiles.BadPreset e = catchThrowableOfType(() -> PresetFiles.load(file, "bad-value.workload"),
                PresetFiles.BadPreset.class);
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.located()).isEqualTo("bad-value.workload:7: value out of range for nic.rx_ring: 3"
                + " (allowed 8..8192)");
    }

    @Test
    void aMachineOfOneCpuRedirectsToItselfUnlessTheCpuMapIsSaid() throws Exception {
        Preset one = PresetParser.parse("one.workload", List.of("title = one", "cpus = 1"));
        assertThat(one.params().getInt(Param.REDIRECT_CPU)).isZero();
        Preset four = PresetParser.parse("four.workload", List.of("title = four", "cpus = 4"));
        assertThat(four.params().getInt(Param.REDIRECT_CPU)).as("the default elsewhere").isEqualTo(1);
        PresetParser.PresetError e = catchThrowableOfType(() -> PresetParser.parse("x.workload",
                List.of("title = x", "cpus = 1", "redirect.cpu = 1")), PresetParser.PresetError.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("redirect.cpu is 1, but irq.cpu and redirect.cpu must be below cpus (1)");
    }

    @Test
    void aCrossCheckErrorIsLocatedInItsFile() {
        Path file = Presets.testPreset("irq-cpu-too-high.workload");
        PresetFiles.BadPreset e = catchThrowableOfType(() -> PresetFiles.load(file, "x.workload"),
                PresetFiles.BadPreset.class);
        assertThat(e).isNotNull();
        assertThat(e.located()).startsWith("x.workload").contains("irq.cpu and redirect.cpu must be below cpus (2)");
    }

    @Test
    void crossCheckErrorsNameTheLineAtFault() {
        Path file = Presets.testPreset("irq-cpu-too-high.workload");
        PresetFiles.BadPreset e = catchThrowableOfType(() -> PresetFiles.load(file, "x.workload"),
                PresetFiles.BadPreset.class);
        assertThat(e.line()).as("the irq.cpu line").isEqualTo(4);
        assertThat(e.located()).startsWith("x.workload:4: ");
        assertThat(error(TITLE, "memory.nodes = 2", "pool.nid = 2").line()).isEqualTo(3);
    }

    @Test
    void badUtf8IsReportedOnItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.workload");
        byte[] latin1 = "title = ok\nsummary = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);
        PresetFiles.BadPreset e = catchThrowableOfType(() -> PresetFiles.load(file, "latin1.workload"),
                PresetFiles.BadPreset.class);
        assertThat(e.located()).isEqualTo("latin1.workload:2: not valid UTF-8 text");
    }

    @Test
    void aTestPresetFileLoadsWithCrlfLineEndsAndAByteOrderMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crlf.workload");
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] text = "title = CRLF\r\nsummary = s\r\nat 1ms: reload\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        Files.write(file, all);
        Preset p = PresetFiles.load(file, "crlf.workload");
        assertThat(p.title()).isEqualTo("CRLF");
        assertThat(p.timeline()).singleElement().extracting(TimedAction::line).isEqualTo(3);
    }

    @Test
    void theGoodTestPresetLoads() throws Exception {
        Preset p = PresetFiles.load(Presets.testPreset("good.workload"), "good.workload");
        assertThat(p.title()).isEqualTo("Everything a preset can say");
        assertThat(p.summary()).hasSize(2);
        assertThat(p.watch()).hasSize(2);
        assertThat(p.params().getInt(Param.NODES)).isEqualTo(2);
        assertThat(p.timeline()).hasSize(4);
    }

    // ---- the presets that ship ----------------------------------------------------------------------------------

    @Test
    void atLeastTwelvePresetsShip() {
        assertThat(Presets.files()).hasSizeGreaterThanOrEqualTo(12);
    }

    static Stream<Path> presetFiles() {
        return Presets.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presetFiles")
    void everyShippedPresetParsesAndTellsItsStory(Path file) throws Exception {
        Preset p = PresetFiles.load(file, file.getFileName().toString());
        assertThat(p.title()).as(file + ": title").isNotBlank();
        assertThat(p.summary()).as(file + ": summary lines").isNotEmpty();
        assertThat(p.watch()).as(file + ": watch lines").isNotEmpty();
        assertThat(p.durationNs()).as(file + ": duration").isPositive();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("#")) {
                break;
            }
            header.add(line);
        }
        assertThat(header).as(file + ": a comment header").hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("\n", header).toLowerCase(Locale.ROOT))
                .as(file + ": the header says what to watch").contains("watch");
        // the timeline stays inside the story
        for (TimedAction a : p.timeline()) {
            assertThat(a.timeNs()).as(file + ": event on line " + a.line()).isLessThan(p.durationNs());
        }
        // and the preset can be started
        Simulation sim = p.start(null);
        assertThat(sim.pools()).as(file + ": a pool per queue").hasSize(p.params().getInt(Param.QUEUES));
    }
}
