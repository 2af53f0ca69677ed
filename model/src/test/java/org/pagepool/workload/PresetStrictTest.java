// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input a preset used to accept silently or report badly (issue 9): each
 * case with the exact line and message it gets now.
 */
class PresetStrictTest {
    private static final String TITLE = "title = t";

    private static PresetParser.PresetError error(List<String> lines) {
        PresetParser.PresetError e = catchThrowableOfType(() -> PresetParser.parse("x.workload", lines),
                PresetParser.PresetError.class);
        assertThat(e).as("parsing %s must fail", lines).isNotNull();
        return e;
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(List.of(TITLE, "speed = 1e400"), 2,
                        "speed: number too large: \"1e400\" (allowed 1e-7..1000 times real time, or max)"),
                Arguments.of(List.of(TITLE, "speed = 0"), 2,
                        "speed out of range: 0 (allowed 1e-7..1000 times real time, or max)"),
                Arguments.of(List.of(TITLE, "skb.clone = 1e-400"), 2,
                        "skb.clone: number too small to tell from 0: \"1e-400\""),
                Arguments.of(List.of(TITLE, "duration = 100"), 2,
                        "duration: a time needs a unit: \"100\" (ns, us, ms, s or min, e.g. 100ms)"),
                Arguments.of(List.of(TITLE, "duration = 100 minutes"), 2,
                        "duration: unknown time unit \"minutes\" in \"100 minutes\" (units: ns, us, ms, s or min)"),
                Arguments.of(List.of(TITLE, "duration = 1d"), 2,
                        "duration: unknown time unit \"d\" in \"1d\" (units: ns, us, ms, s or min)"),
                Arguments.of(List.of(TITLE, "duration = 2000000s"), 2,
                        "time out of range for duration: 2000000s (allowed 1ns..1000000s)"),
                Arguments.of(List.of(TITLE, "traffic.rate = 0x1p-3"), 2,
                        "traffic.rate: not a number: \"0x1p-3\" (numbers are written like 12, 0.5 or 2e6)"),
                Arguments.of(List.of(TITLE, "duration = 600s", "at 5:00: reload"), 3,
                        "not a time: \"5:00\" (a time is a number and a unit: ns, us, ms, s or min, e.g. at 5min:"
                                + " reload)"),
                Arguments.of(List.of(TITLE, "napi.packet_ns = 40"), 2,
                        "napi.packet_ns: a time needs a unit: \"40\" (ns, us, ms, s or min, e.g. 100ms); write 40ns"
                                + " for nanoseconds"),
                Arguments.of(List.of(TITLE, "irq.latency_ns = 2s"), 2,
                        "value out of range for irq.latency_ns: 2s (allowed 0ns..1s)"),
                Arguments.of(List.of(TITLE, "xdp.drop = 0"), 2,
                        "every XDP verdict has weight 0: give xdp.drop, xdp.tx, xdp.redirect or xdp.pass a weight"
                                + " above 0"),
                Arguments.of(List.of(TITLE, "xdp.pass = 1", "at 5ms: xdp.pass = 0", "at 6ms: xdp.drop = 0"), 4,
                        "every XDP verdict has weight 0: give xdp.drop, xdp.tx, xdp.redirect or xdp.pass a weight"
                                + " above 0"),
                Arguments.of(List.of(TITLE, "at 5ms: xdp.drop = 0", "at 5ms: xdp.tx = 0"), 3,
                        "every XDP verdict has weight 0: give xdp.drop, xdp.tx, xdp.redirect or xdp.pass a weight"
                                + " above 0"),
                Arguments.of(List.of(TITLE, "duration = 100ms", "at 200ms: reload"), 3,
                        "this event at 200ms would never happen: the run ends at 100ms (duration on line 2)"),
                Arguments.of(List.of(TITLE, "at 1s: reload"), 2,
                        "this event at 1s would never happen: the run ends at 1s (the default duration: set"
                                + " duration = ...)"),
                Arguments.of(List.of(TITLE, "checkpoint 200ms device: late", "duration = 100ms"), 2,
                        "this checkpoint at 200ms would never be reached: the run ends at 100ms (duration on"
                                + " line 3)"),
                Arguments.of(List.of(TITLE, "checkpoint step 1e30 device: never"), 2,
                        "checkpoint step needs a whole number from 1 to 1000000000, not 1e30 (for a later moment,"
                                + " give a time: checkpoint 30ms ...)"),
                Arguments.of(List.of(TITLE, "at 1ms: unload", "at 2ms: unload", "at 3ms: unload"), 3,
                        "the driver is already unloaded (at 1ms, line 2): reload it before unloading it again"),
                Arguments.of(List.of(TITLE, "checkpoint 1ms device: x", "ask = first?", "ask = second?",
                        "choices = a | *b"), 4,
                        "the ask on line 3 has no choices yet: follow each ask with its choices = ... line"),
                Arguments.of(List.of(TITLE, "checkpoint 1ms device: x", "ask = first?", "choices = a | *b",
                        "ask = second?", "choices = c | *d"), 5,
                        "the checkpoint on line 2 already asks a question: one question per checkpoint"),
                Arguments.of(List.of(TITLE, "at 5ms: reload", "at 2ms: traffic.rate = 1M"), 3,
                        "events come in the order they happen: this one (at 2ms) is before the one on line 2 (at"
                                + " 5ms)"),
                Arguments.of(List.of(TITLE, "nic.rx_ring = 5\0" + "12"), 2,
                        "control character \\0 at column 16: a preset is plain text"),
                Arguments.of(List.of(TITLE, "nic.rx_ring = 512\u00a0"), 2,
                        "nic.rx_ring: not a number: \"512U+00A0\" (numbers are written like 12, 0.5 or 2e6)"),
                Arguments.of(List.of("title = a\u000bb"), 1, "control character \\v at column 10: a preset is plain"
                        + " text"),
                Arguments.of(List.of("title = t\rtraffic.rate = 1M\rxdp.drop = 100"), 1,
                        "the lines of this file end with CR alone (\\r, old Mac line endings): save it with LF or"
                                + " CR LF line endings"),
                Arguments.of(List.of(TITLE, "traffic.rate = 1M\rxdp.drop = 100"), 2,
                        "a CR (\\r) inside the line, at column 18: lines end with LF or CR LF"),
                Arguments.of(List.of(TITLE, "seed = 1e3"), 2,
                        "seed needs a whole number of at most 18 digits, not \"1e3\""),
                Arguments.of(List.of(TITLE, "traffic.rate # = 5"), 2,
                        "expected key = value, at TIME: event or checkpoint TIME TARGET: text, found"
                                + " \"traffic.rate\""),
                Arguments.of(List.of(TITLE, "checkpoint 5ms # ptrRing: hidden"), 2,
                        "expected checkpoint TIME TARGET: text (e.g. checkpoint 30ms ptrRing: ...)"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusedWithItsLineAndAClearMessage(List<String> lines, int line, String message) {
        PresetParser.PresetError e = error(lines);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.line()).as(message).isEqualTo(line);
    }

    @Test
    void aMegabyteOfBadNumberIsQuotedInFortyCharacters() {
        String megabyte = "1".repeat(1 << 20) + "x";
        PresetParser.PresetError e = error(List.of(TITLE, "traffic.rate = " + megabyte));
        assertThat(e.getMessage()).isEqualTo("traffic.rate: not a number: \"" + "1".repeat(40) + "…\" is 1048577"
                + " characters long");
    }

    @Test
    void aLongUnknownKeyIsQuotedShortWithItsControlCharactersEscaped() {
        String key = "x\u00a0" + "k".repeat(5000);
        PresetParser.PresetError e = error(List.of(TITLE, key + " = 1"));
        assertThat(e.getMessage()).startsWith("unknown setting \"xU+00A0" + "k".repeat(38) + "…\" (settings:");
    }

    // ---- what a # means ---------------------------------------------------------------------------------------

    @Test
    void textSettingsAndCheckpointTextsKeepEveryCharacter() throws Exception {
        Preset p = PresetParser.parse("x.workload", List.of(
                "title = Pool #2 demo",
                "summary = a # in a summary",
                "watch = #watch this",
                "   # a comment line, indented",
                "# another",
                "checkpoint 1ms fast: Pool #2: the #1 path   # still text",
                "ask = Which #?",
                "choices = #1 | *#2 # yes",
                "traffic.rate = 1M  # a comment after a number",
                "at 2ms: traffic.rate = 2M # a comment after an event",
                "checkpoint 3ms  ring  : text"));
        assertThat(p.title()).isEqualTo("Pool #2 demo");
        assertThat(p.summary()).containsExactly("a # in a summary");
        assertThat(p.watch()).containsExactly("#watch this");
        Checkpoint c = p.checkpoints().get(0);
        assertThat(c.text()).isEqualTo("Pool #2: the #1 path   # still text");
        assertThat(c.question()).isEqualTo("Which #?");
        assertThat(c.choices()).containsExactly("#1", "#2 # yes");
        assertThat(c.answer()).isEqualTo(1);
        assertThat(p.params().get(Param.RATE)).isEqualTo(1e6);
        assertThat(p.timeline()).singleElement().extracting(TimedAction::action)
                .isEqualTo(new TimedAction.SetParam(Param.RATE, 2e6));
        assertThat(p.checkpoints().get(1).target()).isEqualTo("ring");
    }

    // ---- the rules that keep the timeline consistent ----------------------------------------------------------

    @Test
    void aReloadLoadsAnUnloadedDriverAgainSoItMayBeUnloadedOnceMore() throws Exception {
        Preset p = PresetParser.parse("x.workload", List.of(TITLE, "at 1ms: unload", "at 2ms: reload",
                "at 3ms: unload"));
        assertThat(p.timeline()).hasSize(3);
    }

    @Test
    void weightsMayPassThroughZeroWithinOneMoment() throws Exception {
        Preset p = PresetParser.parse("x.workload", List.of(TITLE, "at 5ms: xdp.drop = 0", "at 5ms: xdp.pass = 1"));
        assertThat(p.timeline()).hasSize(2);
    }

    @Test
    void checkpointsAndEventsAtTheVeryStartAndJustBeforeTheEndAreKept() throws Exception {
        Preset p = PresetParser.parse("x.workload", List.of(TITLE, "duration = 10ms", "at 0ns: traffic.rate = 1M",
                "at 9999999ns: reload", "checkpoint 0ms device: start", "checkpoint 9.999999ms device: end",
                "checkpoint step 1G ring: far", "speed = max"));
        assertThat(p.timeline()).extracting(TimedAction::timeNs).containsExactly(0L, 9_999_999L);
        assertThat(p.checkpoints()).extracting(Checkpoint::step).containsExactly(-1L, -1L, 1_000_000_000L);
        assertThat(p.speed()).isInfinite();
    }

    @Test
    void aTimeMayHaveABlankBeforeItsUnitInACheckpoint() throws Exception {
        Preset p = PresetParser.parse("x.workload", List.of(TITLE, "checkpoint 30 ms ptrRing: spaced"));
        assertThat(p.checkpoints().get(0).timeNs()).isEqualTo(30_000_000L);
        assertThat(p.checkpoints().get(0).target()).isEqualTo("ptrRing");
    }

    @Test
    void theReadmesExamplePresetIsRead() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("### The preset format") + 3;
        assertThat(readme.get(start - 1)).isEqualTo("```");
        List<String> example = readme.subList(start, readme.subList(start, readme.size()).indexOf("```") + start);
        Preset p = PresetParser.parse("README.md", example);
        assertThat(p.title()).isEqualTo("Pool #2 demo");
        assertThat(p.checkpoints()).singleElement().satisfies(c -> assertThat(c.holds()).hasSize(2));
        // what the example says is true, as for a shipped preset (PresetConditionsTest)
        assertThat(CheckpointConditions.check(p)).isEmpty();
    }

    // ---- files ------------------------------------------------------------------------------------------------

    @Test
    void aFileWithCrOnlyLineEndingsIsToldSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mac.workload");
        Files.write(file, "title = t\rtraffic.rate = 1M\r".getBytes(StandardCharsets.UTF_8));
        PresetFiles.BadPreset e = catchThrowableOfType(() -> PresetFiles.load(file, "mac.workload"),
                PresetFiles.BadPreset.class);
        assertThat(e.located()).isEqualTo("mac.workload:1: the lines of this file end with CR alone (\\r, old Mac"
                + " line endings): save it with LF or CR LF line endings");
    }

    @Test
    void noFileNameSaysThatNoFileWasGiven() {
        PresetFiles.BadPreset e = catchThrowableOfType(() -> PresetFiles.load(""), PresetFiles.BadPreset.class);
        assertThat(e.located()).isEqualTo("--preset: the file name is empty");
    }

    @Test
    void aFileNameWithANulIsRefusedAndShownEscaped() {
        PresetFiles.BadPreset e = catchThrowableOfType(() -> PresetFiles.load("a\0b.workload"),
                PresetFiles.BadPreset.class);
        assertThat(e.located()).isEqualTo("a\\0b.workload: cannot open: not a valid file name");
    }

    @Test
    void aFileTooLongForAPresetIsRefusedWithoutReadingItAll(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.workload");
        byte[] bytes = new byte[PresetFiles.MAX_BYTES + 1];
        Arrays.fill(bytes, (byte) '#');
        Files.write(file, bytes);
        PresetFiles.BadPreset e = catchThrowableOfType(() -> PresetFiles.load(file, "huge.workload"),
                PresetFiles.BadPreset.class);
        assertThat(e.located()).isEqualTo("huge.workload: too long for a preset (more than 1024 KiB)");
    }
}
