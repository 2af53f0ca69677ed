// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The text report's header: what the capture script wrote down of each interface, a line each. */
class ReportTextTest {
    private static String report(String... samples) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ReportText.write(Samples.report(samples), out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachInterfaceRingAndQueuesAreALineOfTheHeader() throws Exception {
        String text = report("ethtool-eth0.txt", "capture-rx-ring.txt", "capture-rx-queues.txt");
        assertThat(text).contains("  recorded on rack2, Linux ?\n", "  eth0: RX ring 4096 (ethtool -g)\n",
                "  eth9: RX ring 512 (ethtool -g)\n", "  veth0: 8 RX queues (ethtool -l)\n");
        assertThat(text.indexOf("  eth0: RX ring")).as("in the header, before the files")
                .isLessThan(text.indexOf("capture-rx-ring.txt: capture notes"));
    }

    /** The NIC's node and where its queues' interrupts go, each CPU's node beside it. */
    @Test
    void theNicsNodeAndItsQueuesInterruptsAreInTheHeader() throws Exception {
        assertThat(report("ethtool-eth0.txt", "capture-topology.txt")).contains("  eth0: NUMA node 0 (sysfs), 2 queue"
                + " interrupts on CPUs 1 (node 0), 5 (node 1) (procfs)\n");
    }

    /**
     * The capture script's own run on a VM's virtio-net (Linux 6.18, no
     * page_pool statistics, tracefs not mounted): the one queue, its
     * interrupt, and why its ethtool samples gave nothing.
     */
    @Test
    void aVirtioCaptureSaysWhatItHasAndWhyItsSamplesGaveNothing() throws Exception {
        assertThat(report("ethtool-virtio-eth0.txt", "capture-virtio.txt")).contains("  eth0: 1 RX queue (ethtool -l),"
                + " RX ring 256 (ethtool -g), 1 queue interrupt on CPU 1 (procfs)\n", "ethtool -S samples, 88 lines,"
                + " 0 samples with page_pool counters (rx_pp_*: 5.19+, CONFIG_PAGE_POOL_STATS)\n");
    }

    @Test
    void aCaptureWithoutThemHasNoSuchLine() throws Exception {
        assertThat(report("ethtool-eth0.txt")).doesNotContain("(ethtool -g)", "(ethtool -l)");
    }
}
