// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.List;

/**
 * One pool of the capture and everything the sources said about it
 * (immutable). A part is null when no source showed it: a pool seen only in
 * the kernel log has neither pages nor samples.
 *
 * @param address  the pool's address as the trace printed it (hashed or not), 0 if unknown
 * @param id       the pool's netlink id (6.8 on), -1 if unknown
 * @param ifindex  its interface's index, -1 if unknown
 * @param device   its interface's name, "" if unknown
 * @param pages    the tracepoints' account, or null
 * @param samples  the {@code page-pool-get} dumps, or null
 * @param stats    the {@code page-pool-stats-get} dumps, or null
 * @param stalls   kernel log lines and {@code page_pool_release_stalled} events about its shutdown, in time order
 * @param stallsMatchedByTime whether {@code stalls} (which name no pool, or an id no other source knows)
 *                            were matched to it by the time its shutdown began
 */
public record PoolTimeline(long address, int id, int ifindex, String device, PageHistory pages,
                           PoolSamples samples, CounterSeries stats, List<KernelEvent> stalls,
                           boolean stallsMatchedByTime) {
    public PoolTimeline {
        stalls = List.copyOf(stalls);
    }

    /** How the report names the pool: its id and address where known. */
    public String label() {
        if (address != 0 && id >= 0) {
            return "pool " + id + " (" + Show.address(address) + ")";
        }
        if (address != 0) {
            return "pool " + Show.address(address);
        }
        if (id >= 0) {
            return "pool " + id;
        }
        for (KernelEvent e : stalls) {
            if (e.shutdownStartNs() != Capture.NO_TIME) {
                return "the unnamed pool whose shutdown began " + Show.seconds(e.shutdownStartNs()) + " after boot";
            }
        }
        return "an unnamed pool";
    }

    /** The earliest time any source saw the pool, or NO_TIME. */
    public long firstNs() {
        long first = Capture.NO_TIME;
        if (pages != null) {
            first = Show.min(first, pages.firstNs());
        }
        if (samples != null && samples.samples() > 0) {
            first = Show.min(first, samples.ns(0));
        }
        if (stats != null && stats.samples() > 0 && !stats.wallClock()) {
            first = Show.min(first, stats.ns(0));
        }
        for (KernelEvent e : stalls) {
            first = Show.min(first, e.shutdownStartNs());
        }
        return first;
    }
}
