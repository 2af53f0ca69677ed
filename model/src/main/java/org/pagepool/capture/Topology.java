// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a captured machine's CPUs, NICs and queue interrupts are, as the
 * capture script writes them down from sysfs and procfs: each NUMA node's
 * CPUs ({@code node_cpus.N=LIST}), each interface's node ({@code
 * numa_node.IFACE=N}) and each MSI interrupt of its device, with the CPUs it
 * is delivered to and its name ({@code irq.IFACE.NUMBER=LIST NAME}). The
 * queues' interrupts are told from the device's others (a command queue,
 * async events, the link) by their names, which each driver chooses: mlx5's
 * {@code mlx5_comp3@pci:...}, ice's {@code ice-eth0-TxRx-3}, virtio's
 * {@code virtio0-input.3}. Immutable; what the notes do not say is unknown.
 */
final class Topology {
    static final String NODE_CPUS_NOTE = "node_cpus.";
    static final String NUMA_NODE_NOTE = "numa_node.";
    static final String IRQ_NOTE = "irq.";
    /** Names of a device's interrupts that are not a queue's. */
    private static final String[] NOT_A_QUEUE = {"async", "ctrl", "cmd", "misc", "mbx", "config", "other", "link",
        "err", "aux", "fw", "pages"};
    /** Names that say a receive queue: one of them means the others are not. */
    private static final String[] RECEIVES = {"rx", "input", "comp"};

    /** An interrupt of a NIC's device: its number, the first CPU it goes to, its name in /proc/interrupts. */
    record Interrupt(int irq, int cpu, String name) {
    }

    /** Per node, its CPUs in order. */
    private final Map<Integer, int[]> nodeCpus;
    private final Map<String, Integer> nicNode;
    /** Per interface, its device's interrupts by number. */
    private final Map<String, List<Interrupt>> interrupts;

    private Topology(Map<Integer, int[]> nodeCpus, Map<String, Integer> nicNode,
            Map<String, List<Interrupt>> interrupts) {
        this.nodeCpus = nodeCpus;
        this.nicNode = nicNode;
        this.interrupts = interrupts;
    }

    /** The topology capture.txt's notes give; a note that does not read is left out. */
    static Topology of(Map<String, String> notes) {
        Map<Integer, int[]> nodes = new TreeMap<>();
        Map<String, Integer> nic = new TreeMap<>();
        Map<String, List<Interrupt>> irqs = new TreeMap<>();
        for (Map.Entry<String, String> note : notes.entrySet()) {
            String key = note.getKey();
            String value = note.getValue().strip();
            if (key.startsWith(NODE_CPUS_NOTE)) {
                int node = number(key.substring(NODE_CPUS_NOTE.length()));
                int[] cpus = cpuList(value);
                if (node >= 0 && cpus.length > 0) {
                    nodes.put(node, cpus);
                }
            } else if (key.startsWith(NUMA_NODE_NOTE)) {
                int node = number(value);
                if (node >= 0) {
                    nic.put(key.substring(NUMA_NODE_NOTE.length()), node);
                }
            } else if (key.startsWith(IRQ_NOTE)) {
                int dot = key.lastIndexOf('.');
                int irq = number(key.substring(dot + 1));
                int space = value.indexOf(' ');
                int[] cpus = cpuList(space < 0 ? value : value.substring(0, space));
                if (dot > IRQ_NOTE.length() && irq >= 0 && cpus.length > 0) {
                    irqs.computeIfAbsent(key.substring(IRQ_NOTE.length(), dot), i -> new ArrayList<>())
                            .add(new Interrupt(irq, cpus[0], space < 0 ? "" : value.substring(space + 1).strip()));
                }
            }
        }
        irqs.values().forEach(l -> l.sort(Comparator.comparingInt(Interrupt::irq)));
        return new Topology(nodes, nic, irqs);
    }

    /** The NUMA nodes the notes name CPUs of (0 when none). */
    int nodes() {
        return nodeCpus.size();
    }

    /** The node of {@code cpu}, -1 when the notes do not say. */
    int nodeOf(int cpu) {
        for (Map.Entry<Integer, int[]> n : nodeCpus.entrySet()) {
            if (Arrays.binarySearch(n.getValue(), cpu) >= 0) {
                return n.getKey();
            }
        }
        return -1;
    }

    /** The most CPUs a node has. */
    int largestNode() {
        int most = 0;
        for (int[] cpus : nodeCpus.values()) {
            most = Math.max(most, cpus.length);
        }
        return most;
    }

    /** True when every node has as many CPUs. */
    boolean evenNodes() {
        return nodeCpus.values().stream().allMatch(cpus -> cpus.length == largestNode());
    }

    /** True when the nodes are 0..n-1 with as many CPUs each, CPU c on node c / (CPUs per node): the model's way. */
    boolean numberedAsTheModel() {
        int per = largestNode();
        int node = 0;
        for (Map.Entry<Integer, int[]> n : nodeCpus.entrySet()) {
            int[] cpus = n.getValue();
            if (n.getKey() != node || cpus.length != per || cpus[0] != node * per || cpus[per - 1] != node * per + per
                    - 1) {
                return false;
            }
            node++;
        }
        return true;
    }

    /**
     * The model's number for {@code cpu} on a machine of {@link #nodes}
     * nodes of {@code perNode} CPUs each (CPU c on node c / perNode): its
     * node's place among the nodes times perNode, plus its place among its
     * node's CPUs (wrapped at perNode); -1 for a CPU of no node noted.
     */
    int modelCpu(int cpu, int perNode) {
        int place = 0;
        for (int[] cpus : nodeCpus.values()) {
            int rank = Arrays.binarySearch(cpus, cpu);
            if (rank >= 0) {
                return place * perNode + rank % perNode;
            }
            place++;
        }
        return -1;
    }

    /** The NUMA node of {@code iface}'s device, -1 when unknown. */
    int nicNode(String iface) {
        return nicNode.getOrDefault(iface, -1);
    }

    /** The interfaces whose node or interrupts are noted. */
    List<String> interfaces() {
        TreeSet<String> names = new TreeSet<>(nicNode.keySet());
        names.addAll(interrupts.keySet());
        return List.copyOf(names);
    }

    /** Every interrupt noted for {@code iface}'s device, by number. */
    List<Interrupt> interrupts(String iface) {
        return List.copyOf(interrupts.getOrDefault(iface, List.of()));
    }

    /**
     * The interrupts of {@code iface}'s receive queues, by number: the
     * device's others left out by name (and, where some name a receive
     * queue, every one that does not, and those of send queues alone).
     */
    List<Interrupt> queueInterrupts(String iface) {
        List<Interrupt> queues = new ArrayList<>();
        for (Interrupt i : interrupts.getOrDefault(iface, List.of())) {
            if (!says(i.name(), NOT_A_QUEUE)) {
                queues.add(i);
            }
        }
        if (queues.stream().anyMatch(i -> says(i.name(), RECEIVES))) {
            queues.removeIf(i -> !says(i.name(), RECEIVES) || sendsOnly(i.name()));
        }
        return List.copyOf(queues);
    }

    private static boolean sendsOnly(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("tx") && !n.contains("txrx") && !n.contains("tx-rx") && !n.contains("rxtx");
    }

    private static boolean says(String name, String[] words) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** A sysfs CPU list ({@code 0-7,16-23}), sorted; empty when it does not read. */
    static int[] cpuList(String list) {
        TreeSet<Integer> cpus = new TreeSet<>();
        for (String part : list.split(",")) {
            int dash = part.indexOf('-');
            int from = number(dash < 0 ? part : part.substring(0, dash));
            int to = dash < 0 ? from : number(part.substring(dash + 1));
            if (from < 0 || to < from || to - from > 4096) {
                return new int[0];
            }
            for (int c = from; c <= to; c++) {
                cpus.add(c);
            }
        }
        return cpus.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A small unsigned number, -1 when it is not one. */
    private static int number(String s) {
        byte[] b = s.strip().getBytes(StandardCharsets.US_ASCII);
        try {
            return (int) Scan.unsigned(b, 0, b.length, 1 << 20);
        } catch (Scan.Bad e) {
            return -1;
        }
    }
}
