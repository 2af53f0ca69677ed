// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import org.pagepool.nic.NicStats;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolStatsSnapshot;
import org.pagepool.workload.Simulation;
import org.pagepool.workload.StackStats;

/** Writes the counters as CSV rows at every multiple of a simulated interval. */
final class CsvSampler implements Sampler {
    private final Writer out;
    private final long everyNs;
    private long nextSample;

    /** Rows every {@code everyNs} simulated ns: at least the clock's 1 ns (the command line refuses less). */
    CsvSampler(Writer out, long everyNs) {
        if (everyNs < 1) {
            throw new IllegalArgumentException("a CSV interval below the clock's 1 ns: " + everyNs);
        }
        this.out = out;
        this.everyNs = everyNs;
    }

    void header() {
        StringBuilder line = new StringBuilder("time_s,pools,inflight");
        PoolStatsSnapshot.NAMES.forEach(n -> line.append(',').append(n));
        NicStats.NAMES.forEach(n -> line.append(',').append(n));
        StackStats.NAMES.forEach(n -> line.append(',').append(n));
        line.append(",free_pages,mapped,jiffies");
        write(line);
    }

    @Override
    public long nextSample() {
        return nextSample;
    }

    /** Rows for every sample time before {@code limit}: nothing happens in the simulation until then. */
    @Override
    public void sampleUntil(Simulation sim, long limit) {
        while (nextSample < limit) {
            row(sim, nextSample);
            nextSample += everyNs;
        }
    }

    private void row(Simulation sim, long time) {
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "%.9f", time / 1e9));
        long inflight = 0;
        var pools = sim.pools();
        for (PagePool pool : pools) {
            inflight += pool.inflightCount();
        }
        line.append(',').append(pools.size()).append(',').append(inflight);
        for (long v : sim.poolStats().values()) {
            line.append(',').append(v);
        }
        for (long v : sim.driver().stats().values()) {
            line.append(',').append(v);
        }
        for (long v : sim.stackStats().values()) {
            line.append(',').append(v);
        }
        line.append(',').append(sim.kernel().mm().freePages()).append(',').append(sim.kernel().dma().mapped())
                .append(',').append(sim.kernel().jiffies().now());
        write(line);
    }

    private void write(CharSequence line) {
        try {
            out.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
