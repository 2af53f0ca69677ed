// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The condition language of {@code holds} lines: what it means, evaluated
 * against a small simulation whose state is known, and what its mistakes say.
 */
class ConditionTest {
    private static Simulation sim;
    private static double[] start;
    private static double[] now;

    /** 1 Mpps of XDP_DROP for 1 ms on 8192 pages: a known, steady state. */
    @BeforeAll
    static void run() throws Exception {
        Preset p = PresetParser.parse("c.workload", List.of("title = t", "memory.pages = 8192",
                "traffic.rate = 1M", "cpus = 2"));
        sim = p.start(null);
        start = StateFields.sample(sim);
        sim.run(Long.MAX_VALUE, 1_000_000L, 0);
        sim.idleUntil(1_000_000L);
        now = StateFields.sample(sim);
    }

    private static Condition condition(String text) throws PresetParser.PresetError {
        return ConditionParser.parse(7, text);
    }

    private static boolean holds(String text) throws PresetParser.PresetError {
        return condition(text).holds(now, start);
    }

    private static String error(String text) {
        PresetParser.PresetError e = catchThrowableOfType(() -> condition(text), PresetParser.PresetError.class);
        assertThat(e).as("%s must be refused", text).isNotNull();
        assertThat(e.line()).isEqualTo(7);
        return e.getMessage();
    }

    @Test
    void theSimulationIsWhereTheTestsAssumeIt() {
        long drops = sim.driver().stats().drop();
        assertThat(drops).isBetween(900L, 1100L);
        assertThat(sim.poolStats().slow()).isEqualTo(sim.driver().pool().holdCount() / 64);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "xdp_drop > 0 | true",
        "xdp_drop == 0 | false",
        "xdp_pass == 0 and xdp_drop > 900 | true",
        "xdp_pass > 0 and xdp_drop > 900 | false",
        "xdp_pass > 0 or xdp_drop > 900 | true",
        "not xdp_pass > 0 | true",
        "not (xdp_pass > 0 or xdp_drop > 0) | false",
        "hold - release == inflight | true",
        "inflight == hold - release | true",
        "slow * 64 == hold | true",
        "64 * slow - hold == 0 | true",
        "2 + 3 * 4 == 14 | true",
        "(2 + 3) * 4 == 20 | true",
        "10 - 2 - 3 == 5 | true",
        "-1 < nid and nid == 0 | true",
        "0 - 1 == -1 and -2 * 3 == 0 - 6 | true",
        "- - 1 == 1 | true",
        "1k == 1000 and 1.5M == 1500000 and 2e3 == 2k and 1G == 1000M | true",
        "memory.pages == 8192 and traffic.rate == 1M and cpus == 2 | true",
        "time_ns == 1ms and time_ns == 1000us and time_ns == 1000000ns and jiffies == 1 | true",
        "skb.lifetime_ns == 50us and skb.lifetime_ns == 50µs and irq.latency_ns == 2us | true",
        "duration_is_not_a_field == 0 or 1s == 1000ms and 2min == 120s | error",
        "pools == 1 and pools_alive == 1 and pools_deferred == 0 | true",
        "xdp_drop != xdp_drop | false",
        "xdp_drop <= xdp_drop and xdp_drop >= xdp_drop and not xdp_drop < xdp_drop | true",
        "fast > 0 and cached > 0 and ring == 0 and ring_full == 0 | true",
        "1 < 2 and 2 > 1 and 1 <= 1 and 1 >= 1 and 1 != 2 | true",
        "change(xdp_drop) == xdp_drop and change(time_ns) == 1ms | true",
        "change(free) == free - memory.pages and change(free) < 0 | true",
        "change( memory.pages ) == 0 | true",
        "held_node0 == inflight and held_node1 == 0 and held_pfmemalloc == 0 | true",
        "true_or_false_is_not_a_name == 0 or 1 == 1 | error",
    })
    void meansWhatItSays(String text, String expected) throws Exception {
        if (expected.equals("error")) {
            assertThat(error(text)).startsWith("holds: unknown name");
            return;
        }
        assertThat(holds(text)).as(text).isEqualTo(Boolean.parseBoolean(expected));
    }

    @Test
    void andBindsTighterThanOr() throws Exception {
        // false and false or true == (false and false) or true
        assertThat(holds("1 == 2 and 1 == 2 or 1 == 1")).isTrue();
        // true or true and false == true or (true and false)
        assertThat(holds("1 == 1 or 1 == 1 and 1 == 2")).isTrue();
        assertThat(holds("(1 == 1 or 1 == 1) and 1 == 2")).isFalse();
    }

    @Test
    void theValuesItReadAreReportedInTheOrderItNamesThem() throws Exception {
        Map<String, Double> values = condition("xdp_drop > 0 and rx_missed == 0 and xdp_drop < 1M"
                + " and change(fast) > 0").values(now, start);
        assertThat(values.keySet()).containsExactly("xdp_drop", "rx_missed", "change(fast)");
        assertThat(values.get("xdp_drop")).isEqualTo((double) sim.driver().stats().drop());
    }

    @Test
    void everyFieldCanBeReadAndEveryCounterTheWindowShowsIsAField() {
        for (StateFields.Field f : StateFields.all()) {
            assertThat(now[f.index()]).as(f.name()).isFinite();
            assertThat(f.meaning()).as(f.name()).isNotBlank();
        }
        for (String counter : PresetCheckpoints.COUNTERS) {
            assertThat(StateFields.byName(counter)).as(counter).isNotNull();
        }
    }

    @Test
    void theReadmeListsEveryNameAndOnlyNamesThatExist() throws Exception {
        Set<String> listed = new HashSet<>();
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int from = readme.indexOf("| names | what |");
        assertThat(from).as("the README's table of names").isPositive();
        for (String line : readme.subList(from + 2, readme.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            if (!line.startsWith("| every parameter key")) {
                String names = line.substring(2, line.indexOf(" | "));
                for (String token : names.split("[` ,…]+")) {
                    if (!token.isEmpty()) {
                        listed.add(token);
                    }
                }
            }
        }
        Set<String> families = new HashSet<>();
        for (String name : listed) {
            assertThat(StateFields.byName(name)).as("README names %s", name).isNotNull();
            families.add(name.replaceAll("[0-9]+", "N"));
        }
        Set<String> keys = new HashSet<>(Param.keys());
        for (StateFields.Field f : StateFields.all()) {
            if (!keys.contains(f.name())) {
                assertThat(families).as("the README lists %s", f.name()).contains(f.name().replaceAll("[0-9]+", "N"));
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''| holds needs a condition, e.g. holds = rx_missed > 0",
        "rx_mised > 0 | holds: unknown name \"rx_mised\" (did you mean rx_missed?)",
        "zzzzzzzz > 0 | holds: unknown name \"zzzzzzzz\" (the README lists the names: counters, state and"
            + " parameter keys)",
        "inflight = 0 | holds: use == to compare, not =",
        "!(inflight == 0) | holds: use != to compare or not to negate, not !",
        "inflight | holds: a condition compares or tests, it is not a number alone: e.g. inflight == 0",
        "inflight + 1 | holds: a condition compares or tests, it is not a number alone: e.g. inflight == 0",
        "inflight and fast > 0 | holds: and needs a comparison on each side, not a number alone (e.g."
            + " inflight == 0)",
        "not inflight | holds: not needs a comparison after it, not a number alone (e.g. inflight == 0)",
        "(fast > 0) + 1 > 0 | holds: + needs numbers on each side, not a comparison (put comparisons together"
            + " with and, or)",
        "0 < fast < 10 | holds: comparisons do not chain: write a < b and b < c",
        "fast > 0 fast | holds: unexpected \"fast\" after a complete condition",
        "(fast > 0 | holds: a ( is not closed",
        "fast > | holds: the condition ends too soon: a number, a name or ( is missing",
        "fast > ) | holds: expected a number, a name or ( but found \")\"",
        "fast > 1x | holds: not a number: \"1x\" (numbers are written like 12, 0.5 or 2e6)",
        "fast > 1e400 | holds: number too large: \"1e400\"",
        "fast > 0x10 | holds: not a number: \"0x10\" (numbers are written like 12, 0.5 or 2e6)",
        "time_ns > 5 minutes | holds: unexpected \"minutes\" after a complete condition",
        "time_ns > 5 ms | holds: write a time's unit right after its number, e.g. 5ms",
        "time_ns > 5h | holds: not a number: \"5h\" (numbers are written like 12, 0.5 or 2e6)",
        "fast / 2 > 0 | holds: unexpected character \"/\" at column 6 of the condition",
        "fast > 0 and | holds: the condition ends too soon: a number, a name or ( is missing",
        "and fast > 0 | holds: \"and\" needs a condition before it",
        "fast\u00a0> 0 | holds: unexpected character \"U+00A0\" at column 5 of the condition",
        "change(1) > 0 | holds: change( needs a name, e.g. change(slow)",
        "change(change(free)) == 0 | holds: change( takes a name, not another change(: e.g. change(slow)",
        "change(fast > 0 | holds: change( takes one name and a ), e.g. change(slow)",
        "change(fsat) > 0 | holds: unknown name \"fsat\" (did you mean fast?)",
        "change > 0 | holds: unknown name \"change\" (the README lists the names: counters, state and parameter"
            + " keys)",
    })
    void mistakesAreNamedOnTheirLine(String text, String message) {
        assertThat(error(text)).isEqualTo(message);
    }

    @Test
    void aConditionTooLongToReadIsRefusedBeforeItCanNestDeeply() {
        assertThat(error("(".repeat(100_000) + "1 == 1" + ")".repeat(100_000)))
                .isEqualTo("holds: a condition has at most 200 parts; split it into several holds lines");
        assertThat(error("1" + " + 1".repeat(100_000) + " > 0"))
                .isEqualTo("holds: a condition has at most 200 parts; split it into several holds lines");
    }

    @Test
    void aPresetCarriesItsConditionsOnTheirCheckpoint() throws Exception {
        Preset p = PresetParser.parse("c.workload", List.of("title = t",
                "checkpoint 1ms fast: fast climbs  # text",
                "holds = fast > 0   # a comment after a condition",
                "ask = where?",
                "holds = ring == 0",
                "choices = *cache | ring",
                "checkpoint 2ms ring: nothing claimed"));
        Checkpoint first = p.checkpoints().get(0);
        assertThat(first.holds()).extracting(Condition::text).containsExactly("fast > 0", "ring == 0");
        assertThat(first.holds()).extracting(Condition::line).containsExactly(3, 5);
        assertThat(first.question()).isEqualTo("where?");
        assertThat(p.checkpoints().get(1).holds()).isEmpty();
    }

    @Test
    void holdsNeedsACheckpointAndItsLineIsNamed() {
        PresetParser.PresetError e = catchThrowableOfType(() -> PresetParser.parse("c.workload",
                List.of("title = t", "holds = fast > 0")), PresetParser.PresetError.class);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("holds belongs to a checkpoint: put it after a checkpoint line");
        e = catchThrowableOfType(() -> PresetParser.parse("c.workload",
                List.of("title = t", "checkpoint 1ms fast: x", "holds = fsat > 0")), PresetParser.PresetError.class);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("holds: unknown name \"fsat\" (did you mean fast?)");
    }

    @Test
    void aFalseConditionIsReportedWithItsCheckpointAndValues() throws Exception {
        Preset p = PresetParser.parse("c.workload", List.of("title = t", "memory.pages = 8192",
                "checkpoint 1ms fast: x", "holds = fast > 0", "holds = rx_missed > 5 and fast < 0",
                "checkpoint step 3 device: y", "holds = time_ns >= 1ms"));
        List<CheckpointConditions.Failure> failures = CheckpointConditions.check(p);
        assertThat(failures).hasSize(1);
        String described = failures.get(0).describe();
        assertThat(described).matches("line 5 \\(checkpoint on line 3 at 1ms\\): rx_missed > 5 and fast < 0"
                + " \\[rx_missed=\\d+ fast=\\d+\\]");
    }
}
