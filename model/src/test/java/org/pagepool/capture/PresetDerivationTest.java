// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pagepool.script.ScriptFiles;
import org.pagepool.workload.Param;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetParser;

/**
 * "Simulate this" on hand-made captures that lack sources: the preset still
 * parses, and says which settings it defaulted because the capture cannot
 * show them. (Emitted captures' key figures: {@code SimulateThisTest}.)
 */
class PresetDerivationTest {
    private static DerivedPreset derive(String... samples) throws Exception {
        Capture capture = Samples.importing(samples);
        return PresetDerivation.of(capture, CaptureReport.of(capture), String.join(" ", samples));
    }

    private static Preset parse(DerivedPreset d) throws Exception {
        return PresetParser.parse("derived.workload",
                ScriptFiles.splitLines(d.text().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> keys(List<DerivedPreset.Assumption> list) {
        return list.stream().map(DerivedPreset.Assumption::key).toList();
    }

    @Test
    void aKernelLogAloneDefaultsTheTrafficAndSaysSo() throws Exception {
        DerivedPreset d = derive("dmesg-5.14.txt");
        Preset p = parse(d);
        assertThat(keys(d.defaulted())).contains("traffic.rate", "xdp.drop", "pool.size", "nic.rx_ring",
                "skb.lifetime_ns");
        assertThat(p.params().get(Param.RATE)).isEqualTo(Param.RATE.defaultValue());
        assertThat(d.text()).contains("# Defaulted (the capture cannot show it):", "#  traffic.rate = 5M: no"
                + " page_pool statistics with times", "summary = Estimated: ");
    }

    @Test
    void aTraceWithoutStatisticsGivesTheUnloadButNotTheRate() throws Exception {
        DerivedPreset d = derive("tracefs-5.14-unload.txt");
        Preset p = parse(d);
        assertThat(keys(d.defaulted())).contains("traffic.rate");
        assertThat(keys(d.estimated())).contains("duration", "at 10s");
        assertThat(p.timeline()).hasSize(1);
        assertThat(d.text()).contains("at 10s: unload\n");
    }

    @Test
    void ethtoolSamplesGiveTheRateAndTheQueues() throws Exception {
        DerivedPreset d = derive("ethtool-eth0.txt");
        Preset p = parse(d);
        assertThat(keys(d.estimated())).contains("traffic.rate", "xdp.drop", "xdp.pass", "nic.queues");
        assertThat(p.params().get(Param.RATE)).isGreaterThan(0);
        assertThat(d.estimated()).filteredOn(a -> a.key().equals("traffic.rate")).singleElement()
                .satisfies(a -> assertThat(a.why()).contains("(ethtool -S)", "one page per packet"));
        assertThat(keys(d.defaulted())).contains("driver.leak", "pool.size");
    }

    /** capture.txt's rx_ring.IFACE (the capture script's ethtool -g) of the interface whose counters gave the rate. */
    @Test
    void theRxRingComesFromEthtoolGOfTheInterfaceCounted() throws Exception {
        DerivedPreset d = derive("ethtool-eth0.txt", "capture-rx-ring.txt");
        assertThat(parse(d).params().get(Param.RX_RING)).isEqualTo(4096.0);
        assertThat(whyOfRxRing(d)).isEqualTo("ethtool -g eth0: the RX ring's current size");
        assertThat(keys(d.defaulted())).doesNotContain("nic.rx_ring");
    }

    @Test
    void aRingLargerThanTheModelsIsTakenToItsLargestAndSaysSo() throws Exception {
        DerivedPreset d = derive("ethtool-eth0.txt", "capture-rx-ring-large.txt");
        assertThat(parse(d).params().get(Param.RX_RING)).isEqualTo(8192.0);
        assertThat(whyOfRxRing(d)).endsWith("current size, 16,384, taken to the model's largest");
    }

    /** Counters summed over the queues (rx_pp_* only): the queues are the RX channels ethtool -l gave. */
    @Test
    void summedCountersTakeTheQueuesFromEthtoolL() throws Exception {
        DerivedPreset d = derive("ethtool-veth0.txt", "capture-rx-queues.txt");
        assertThat(parse(d).params().get(Param.QUEUES)).isEqualTo(8.0);
        assertThat(whyOf(d, "nic.queues")).isEqualTo("ethtool -l veth0: 8 RX channels, one pool per queue");
        assertThat(whyOf(derive("ethtool-veth0.txt"), "nic.queues")).as("without it")
                .isEqualTo("no pool of the capture shows when it was in use");
    }

    /**
     * capture.txt's nodes (sysfs) and the CPUs of the queues' interrupts
     * (procfs), numbered node by node as the model numbers CPUs; the queues
     * away from the NIC's node are said, with what would show them waive.
     */
    @Test
    void theNodesAndTheQueuesInterruptsComeFromSysfsAndProcfs() throws Exception {
        DerivedPreset d = derive("ethtool-eth0.txt", "capture-topology.txt");
        Preset p = parse(d);
        assertThat(p.params().get(Param.NODES)).isEqualTo(2.0);
        assertThat(p.params().get(Param.CPUS)).isEqualTo(16.0);
        assertThat(p.params().get(Param.CPUS_PER_NODE)).isEqualTo(8.0);
        assertThat(d.text()).contains("irq.cpus = 1,9\n", "watch = 1 of 2 queues' interrupts are on a node other"
                + " than eth0's (node 0, sysfs)");
        assertThat(whyOf(d, "cpus.per_node")).startsWith("sysfs's CPUs numbered node by node");
        assertThat(whyOf(d, "cpus")).isEqualTo("sysfs: 2 nodes of 8 CPUs");
        assertThat(whyOf(d, "irq.cpus")).isEqualTo("procfs: the CPUs eth0's 2 queue interrupts go to"
                + " (mlx5_comp0@pci:0000:03:00.0, ...)");
        assertThat(whyOf(d, "pool.nid")).contains("with pool.nid = 0 and driver.nid_changed = off the 1 queue on"
                + " other nodes");
        assertThat(keys(derive("ethtool-eth0.txt").estimated())).as("without them")
                .doesNotContain("memory.nodes", "irq.cpus");
    }

    /**
     * A real stalled shutdown without counters (TraceImportTest's): the wait
     * for pages that came back says they went up the stack, the pages the
     * pool took say the rate, and pages that came back together give the
     * narrowest lognormal rather than 0 (exponential).
     */
    @Test
    void aShutdownThatWaitedGivesTheVerdictTheRateAndTheLifetimeWithoutCounters() throws Exception {
        DerivedPreset d = derive("tracefs-6.18-veth-stall.txt", "dmesg-6.18-veth-stall.txt",
                "capture-6.18-veth-stall.txt");
        Preset p = parse(d);
        assertThat(keys(d.estimated())).contains("traffic.rate", "xdp.drop", "xdp.pass", "skb.lifetime_ns",
                "skb.sigma");
        assertThat(p.params().get(Param.PASS)).isEqualTo(100.0);
        assertThat(p.params().get(Param.RATE)).isBetween(120.0, 130.0); // 128 pages in 1.01 s
        assertThat(p.params().get(Param.SKB_SIGMA)).isEqualTo(0.01);
        assertThat(p.params().get(Param.SKB_LIFETIME)).isBetween(60e9, 70e9);
        assertThat(whyOf(d, "traffic.rate")).startsWith("no counters, but pool 10 (0x72a1812f) took 128 pages");
    }

    /** Interrupts without nodes: the CPUs as procfs numbers them, as many as they need. */
    @Test
    void withoutNodesTheInterruptsCpusAreTakenAsTheyAre() throws Exception {
        DerivedPreset d = derive("ethtool-eth0.txt", "capture-irqs-no-nodes.txt");
        Preset p = parse(d);
        assertThat(p.params().get(Param.CPUS)).isEqualTo(8.0);
        assertThat(whyOf(d, "cpus")).isEqualTo("as many as irq.cpus needs");
        assertThat(d.text()).contains("irq.cpus = 6,7\n").doesNotContain("memory.nodes", "on a node other than");
    }

    /** One queue, its interrupt on the other node: CPUs as sysfs numbers them, and the story all the same. */
    @Test
    void oneQueuesInterruptIsPlacedToo() throws Exception {
        DerivedPreset d = derive("ethtool-veth0.txt", "capture-topology-one-queue.txt");
        assertThat(parse(d).params().get(Param.CPUS_PER_NODE)).isEqualTo(8.0);
        assertThat(d.text()).contains("irq.cpus = 9\n", "watch = The queue's interrupt is on a node other than veth0's"
                + " (node 0, sysfs)");
        assertThat(whyOf(d, "cpus.per_node")).isEqualTo("as sysfs numbers them");
    }

    private static String whyOfRxRing(DerivedPreset d) {
        return whyOf(d, "nic.rx_ring");
    }

    /** Why {@code key} has its value, estimated or defaulted. */
    private static String whyOf(DerivedPreset d, String key) {
        return Stream.concat(d.estimated().stream(), d.defaulted().stream())
                .filter(a -> a.key().equals(key)).findFirst().orElseThrow().why();
    }

    @Test
    void theLognormalGoesThroughBothPointsOfTheDecay() {
        // half back after 1 s, 1% still out after 100 s: z(0.01) = 2.326, sigma = ln(100) / 2.326 = 1.98
        SocketLifetimeFit fit = new SocketLifetimeFit(1_000_000_000L, 100_000_000_000L, 0.01);
        assertThat(fit.sigma()).isBetween(1.97, 1.99);
        assertThat(fit.meanNs() / 1e9).isBetween(7.0, 7.2); // exp(1.98^2 / 2)
        assertThat(new SocketLifetimeFit(1_000_000_000L, 500_000_000L, 0.01).sigma()).as("no tail beyond the half")
                .isZero();
    }
}
