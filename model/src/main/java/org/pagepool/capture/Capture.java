// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.List;
import java.util.Map;

/**
 * An imported capture (immutable): its files, its pools with everything the
 * files said about each, the ethtool counters per interface and queue, and the
 * kernel log lines about pools. Times are ns on the kernel's clock since boot
 * (the trace clock, dmesg's, CLOCK_BOOTTIME of the samples) where the sources
 * say so; {@link #NO_TIME} where a source gave none.
 */
public final class Capture {
    /** No time: the source did not say when. */
    public static final long NO_TIME = Long.MIN_VALUE;
    /** A {@link #notes()} key's start: {@code rx_ring.IFACE=N}, the capture script's {@code ethtool -g IFACE}. */
    static final String RX_RING_NOTE = "rx_ring.";
    /** And {@code rx_queues.IFACE=N}: its {@code ethtool -l IFACE}, RX and combined channels. */
    static final String RX_QUEUES_NOTE = "rx_queues.";

    private final List<SourceFile> sources;
    private final long startNs;
    private final long endNs;
    private final List<PoolTimeline> pools;
    private final List<CounterSeries> interfaces;
    private final List<KernelEvent> kernelLog;
    private final long lostEvents;
    private final Map<String, String> notes;

    Capture(List<SourceFile> sources, long startNs, long endNs, List<PoolTimeline> pools,
            List<CounterSeries> interfaces, List<KernelEvent> kernelLog, long lostEvents, Map<String, String> notes) {
        this.sources = List.copyOf(sources);
        this.startNs = startNs;
        this.endNs = endNs;
        this.pools = List.copyOf(pools);
        this.interfaces = List.copyOf(interfaces);
        this.kernelLog = List.copyOf(kernelLog);
        this.lostEvents = lostEvents;
        this.notes = Map.copyOf(notes);
    }

    public List<SourceFile> sources() {
        return sources;
    }

    /** The earliest time in any source, or NO_TIME. */
    public long startNs() {
        return startNs;
    }

    /** The latest time in any source (or the end the capture script wrote down), or NO_TIME. */
    public long endNs() {
        return endNs;
    }

    /** The pools, in the order they were first seen. */
    public List<PoolTimeline> pools() {
        return pools;
    }

    /** The ethtool samples: each interface's totals and its queues. */
    public List<CounterSeries> interfaces() {
        return interfaces;
    }

    /** Every kernel log line about pools, in the order read. */
    public List<KernelEvent> kernelLog() {
        return kernelLog;
    }

    /** Events the tracer reported lost ({@code [LOST n EVENTS]}). */
    public long lostEvents() {
        return lostEvents;
    }

    /** What the capture script wrote down ({@code kernel}, {@code host}, {@code seconds}, ...). */
    public Map<String, String> notes() {
        return notes;
    }
}
