// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The machine's nodes and a NIC's queue interrupts, from what the capture script wrote down of sysfs and procfs. */
class TopologyTest {
    private static List<String> queueNames(String... irqs) {
        Map<String, String> notes = new HashMap<>();
        for (int i = 0; i < irqs.length; i++) {
            notes.put("irq.eth0." + (40 + i), i + " " + irqs[i]);
        }
        return Topology.of(notes).queueInterrupts("eth0").stream().map(Topology.Interrupt::name).toList();
    }

    @Test
    void theQueuesInterruptsAreToldFromTheDevicesOthersByName() {
        assertThat(queueNames("mlx5_async0@pci:0000:03:00.0", "mlx5_comp0@pci:0000:03:00.0",
                "mlx5_comp1@pci:0000:03:00.0")).containsExactly("mlx5_comp0@pci:0000:03:00.0",
                        "mlx5_comp1@pci:0000:03:00.0");
        assertThat(queueNames("ice-0000:17:00.0:misc", "ice-eth0-TxRx-0", "ice-eth0-TxRx-1"))
                .containsExactly("ice-eth0-TxRx-0", "ice-eth0-TxRx-1");
        assertThat(queueNames("eth0-TxRx-0", "eth0-TxRx-1", "eth0")).as("ixgbe's link vector bears the name alone")
                .containsExactly("eth0-TxRx-0", "eth0-TxRx-1");
        assertThat(queueNames("virtio0-config", "virtio0-input.0", "virtio0-output.0", "virtio0-input.1"))
                .containsExactly("virtio0-input.0", "virtio0-input.1");
        assertThat(queueNames("eth0-rx-0", "eth0-tx-0", "eth0-rx-1", "eth0-tx-1"))
                .containsExactly("eth0-rx-0", "eth0-rx-1");
        assertThat(queueNames("eth0-0", "eth0-1")).as("names that say nothing: every one")
                .containsExactly("eth0-0", "eth0-1");
    }

    /** Interrupts by number, not as the note's order or a directory listing gives them. */
    @Test
    void interruptsAreInTheirNumbersOrder() {
        Topology t = Topology.of(Map.of("irq.eth0.100", "3 eth0-TxRx-1", "irq.eth0.99", "2 eth0-TxRx-0",
                "irq.eth0.101", "4-5 eth0-TxRx-2"));
        assertThat(t.queueInterrupts("eth0")).extracting(Topology.Interrupt::irq).containsExactly(99, 100, 101);
        assertThat(t.queueInterrupts("eth0")).extracting(Topology.Interrupt::cpu).containsExactly(2, 3, 4);
    }

    /** The model numbers each node's CPUs together: CPUs interleaved over the nodes are numbered again. */
    @Test
    void cpusAreNumberedNodeByNodeAsTheModelNumbersThem() {
        Topology t = Topology.of(Map.of("node_cpus.0", "0-3,8-11", "node_cpus.1", "4-7,12-15", "numa_node.eth0", "1"));
        assertThat(t.nodes()).isEqualTo(2);
        assertThat(t.largestNode()).isEqualTo(8);
        assertThat(t.numberedAsTheModel()).isFalse();
        assertThat(t.nodeOf(12)).isEqualTo(1);
        assertThat(t.nodeOf(16)).isEqualTo(-1);
        assertThat(t.modelCpu(8, 8)).isEqualTo(4);
        assertThat(t.modelCpu(4, 8)).isEqualTo(8);
        assertThat(t.modelCpu(15, 8)).isEqualTo(15);
        assertThat(t.modelCpu(15, 4)).as("wrapped where the model has fewer").isEqualTo(7);
        assertThat(t.nicNode("eth0")).isEqualTo(1);
        assertThat(t.nicNode("eth1")).isEqualTo(-1);
        assertThat(Topology.of(Map.of("node_cpus.0", "0-7", "node_cpus.1", "8-15")).numberedAsTheModel()).isTrue();
    }

    /** A note that does not read is left out: the rest still counts. */
    @Test
    void notesThatDoNotReadAreLeftOut() {
        Topology t = Topology.of(Map.of("node_cpus.0", "0-3", "node_cpus.1", "7-4", "numa_node.eth0", "-1",
                "irq.eth0.x", "1 eth0-TxRx-0", "irq.eth0.7", "? eth0-TxRx-1", "irq.eth0.8", "2 eth0-TxRx-2"));
        assertThat(t.nodes()).isEqualTo(1);
        assertThat(t.nicNode("eth0")).isEqualTo(-1);
        assertThat(t.queueInterrupts("eth0")).extracting(Topology.Interrupt::irq).containsExactly(8);
        assertThat(Topology.cpuList("0-2,5")).containsExactly(0, 1, 2, 5);
        assertThat(Topology.cpuList("")).isEmpty();
    }
}
