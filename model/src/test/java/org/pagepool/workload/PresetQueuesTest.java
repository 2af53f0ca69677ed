// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The preset settings and events of a NIC with several queues, and the line and message a mistake gets. */
class PresetQueuesTest {
    private static final String TITLE = "title = t";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(List.of(TITLE, "cpus = 4", "irq.cpus = 0-4"), 3,
                        "irq.cpus names CPU 4, but the CPUs are 0..3 (cpus = 4)"),
                Arguments.of(List.of(TITLE, "irq.cpus = 0-7", "cpus = 4"), 3,
                        "irq.cpus names CPU 7, but the CPUs are 0..3 (cpus = 4)"),
                Arguments.of(List.of(TITLE, "irq.cpus = 3-1"), 2, "irq.cpus: the range \"3-1\" runs backwards"
                        + " (write 1-3)"),
                Arguments.of(List.of(TITLE, "irq.cpus = 0,,2"), 2, "irq.cpus: not a number or a range: \"\""
                        + " (write numbers and ranges: 0-15 or 0,2,4,6)"),
                Arguments.of(List.of(TITLE, "irq.cpus = 0-x"), 2, "irq.cpus: not a number or a range: \"0-x\""
                        + " (write numbers and ranges: 0-15 or 0,2,4,6)"),
                Arguments.of(List.of(TITLE, "irq.cpus ="), 2, "irq.cpus: an empty list (write numbers and ranges:"
                        + " 0-15 or 0,2,4,6)"),
                Arguments.of(List.of(TITLE, "irq.cpus = 64"), 2, "irq.cpus: 64 is above 63"),
                Arguments.of(List.of(TITLE, "irq.cpus = 0-99999999999"), 2, "irq.cpus: 99999999999 is above 63"),
                Arguments.of(List.of(TITLE, "irq.cpus = 00000000000064"), 2, "irq.cpus: 64 is above 63"),
                Arguments.of(List.of(TITLE, "irq.cpus = 0", "irq.cpus = 1"), 3,
                        "irq.cpus is set twice (first on line 2)"),
                Arguments.of(List.of(TITLE, "rss = zipf"), 2, "rss: unknown spread \"zipf\" (rss is uniform, zipf:S"
                        + " such as zipf:1.2, or flows:N such as flows:8)"),
                Arguments.of(List.of(TITLE, "rss = zipf:11"), 2, "rss: the zipf exponent 11 is above 10 (rss is"
                        + " uniform, zipf:S such as zipf:1.2, or flows:N such as flows:8)"),
                Arguments.of(List.of(TITLE, "rss = flows:0"), 2,
                        "rss: flows:N needs a whole number of flows from 1 to 1048576, not \"0\""),
                Arguments.of(List.of(TITLE, "rss = flows:-2"), 2, "rss: not a number here: \"-2\" (no minus sign"
                        + " allowed) (rss is uniform, zipf:S such as zipf:1.2, or flows:N such as flows:8)"),
                Arguments.of(List.of(TITLE, "nic.queues = 2", "rss.table = 0-3"), 3,
                        "rss.table names queue 3, but the queues are 0..1 (nic.queues = 2)"),
                Arguments.of(List.of(TITLE, "rss.table = 0,1", "nic.queues = 1"), 3,
                        "rss.table names queue 1, but the queues are 0..0 (nic.queues = 1)"),
                Arguments.of(List.of(TITLE, "rss.table = 0-63,0-63,0"), 2,
                        "rss.table has 129 entries, the indirection table 128 (a shorter list repeats to fill it)"),
                Arguments.of(List.of(TITLE, "redirect.cpus = 1-4"), 2,
                        "redirect.cpus names CPU 4, but the CPUs are 0..3 (cpus = 4)"),
                Arguments.of(List.of(TITLE, "nic.queues = 4", "at 1ms: reload queue=4"), 3,
                        "reload queue=4: the queues are 0..3 (nic.queues = 4)"),
                Arguments.of(List.of(TITLE, "nic.queues = 2", "at 1ms: irq queue=1 cpu=4"), 3,
                        "irq cpu=4: the CPUs are 0..3 (cpus = 4)"),
                Arguments.of(List.of(TITLE, "nic.queues = 2", "at 1ms: irq queue=2 cpu=1"), 3,
                        "irq queue=2: the queues are 0..1 (nic.queues = 2)"),
                Arguments.of(List.of(TITLE, "at 1ms: irq queue=0"), 2, "expected irq queue=Q cpu=C"),
                Arguments.of(List.of(TITLE, "at 1ms: irq cpu=1 queue=0"), 2,
                        "expected irq queue=Q cpu=C, found \"cpu=1\""),
                Arguments.of(List.of(TITLE, "at 1ms: reload queue=x"), 2,
                        "expected reload queue=N, found \"queue=x\""),
                Arguments.of(List.of(TITLE, "at 1ms: reload queue=-1"), 2,
                        "expected reload queue=N, found \"queue=-1\""),
                Arguments.of(List.of(TITLE, "at 1ms: relaod queue=1"), 2, "unknown event \"relaod queue=1\" (reload,"
                        + " reload queue=N, unload, irq queue=Q cpu=C, or key = value)"),
                Arguments.of(List.of(TITLE, "at 1ms: unload", "at 2ms: irq queue=0 cpu=1", "at 3ms: unload"), 4,
                        "the driver is already unloaded (at 1ms, line 2): reload it before unloading it again"),
                Arguments.of(List.of(TITLE, "nic.queues = 65"), 2,
                        "value out of range for nic.queues: 65 (allowed 1..64)"),
                Arguments.of(List.of(TITLE, "memory.nodes = 2", "cpus = 12", "cpus.per_node = 4"), 4,
                        "cpus.per_node = 4 on 2 nodes places 8 CPUs, but cpus = 12: give each node more CPUs, or"
                        + " more nodes"),
                Arguments.of(List.of(TITLE, "at 1ms: nic.queues = 2"), 2,
                        "nic.queues cannot change during a run (it needs a reset): set it at the top of the preset"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("refused")
    void aMistakeIsReportedOnItsLine(List<String> lines, int line, String message) {
        PresetParser.PresetError e = catchThrowableOfType(() -> PresetParser.parse("x.workload", lines),
                PresetParser.PresetError.class);
        assertThat(e).as("parsing %s must fail", lines).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.line()).isEqualTo(line);
    }

    @Test
    void queueEventsNameTheirQueue() throws Exception {
        Preset p = PresetParser.parse("x.workload", List.of(TITLE, "nic.queues = 4", "cpus = 8",
                "at 1ms: irq queue=3 cpu=7   # irqbalance moves it", "at 2ms: reload queue=2", "at 3ms: reload",
                "at 4ms: unload", "at 5ms: reload queue=1"));
        assertThat(p.timeline()).extracting(TimedAction::action).containsExactly(new TimedAction.IrqMove(3, 7),
                new TimedAction.Reload(2), new TimedAction.Reload(TimedAction.ALL_QUEUES), new TimedAction.Unload(),
                new TimedAction.Reload(1));
    }

    @Test
    void listsKeepTheirOrderAndRepeatsAndWriteBackAsRanges() throws Exception {
        Preset p = PresetParser.parse("x.workload", List.of(TITLE, "cpus = 16", "irq.cpus = 8-11, 0,2 ,2"));
        assertThat(p.params().irqCpus()).isEqualTo(IdList.of(8, 9, 10, 11, 0, 2, 2));
        assertThat(p.params().irqCpus().format()).isEqualTo("8-11,0,2,2");
        assertThat(p.params().toString()).contains("irq.cpus = 8-11,0,2,2\n");
        Preset spread = PresetParser.parse("x.workload", List.of(TITLE, "rss.table = 1,0,0", "nic.queues = 2",
                "rss = flows:8"));
        assertThat(spread.params().rss()).isEqualTo(new Rss(Rss.Mode.FLOWS, 0, 8, IdList.of(1, 0, 0)));
        assertThat(spread.params().toString()).contains("rss = flows:8\nrss.table = 1,0,0\n");
        assertThat(PresetParser.parse("x.workload", List.of(TITLE, "rss = zipf:1.2")).params().rss().format())
                .isEqualTo("zipf:1.2");
    }
}
