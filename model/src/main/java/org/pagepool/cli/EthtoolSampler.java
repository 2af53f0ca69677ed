// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.pagepool.workload.QueueStats;
import org.pagepool.workload.Simulation;

/**
 * {@code workload --emit-ethtool}: {@code ethtool -S eth0} of the simulated
 * NIC every interval, each after a {@code # time} line, as
 * {@code tools/capture-page-pool.sh} records a real one (the counters under
 * mlx5's names, {@link QueueStats#ethtool(Simulation)}), and a last snapshot
 * where the run stops.
 */
final class EthtoolSampler extends PeriodicSampler {
    /** The interface the snapshots name. */
    static final String IFACE = "eth0";

    private final Writer out;

    /** Snapshots every {@code everyNs} simulated ns (at least 1). */
    EthtoolSampler(Writer out, long everyNs) {
        super(everyNs, "an ethtool");
        this.out = out;
    }

    @Override
    void sample(Simulation sim, long ns) {
        StringBuilder text = new StringBuilder(4096);
        text.append(SampleTime.header(ns, IFACE)).append('\n');
        for (String line : QueueStats.ethtool(sim)) {
            text.append(line).append('\n');
        }
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
