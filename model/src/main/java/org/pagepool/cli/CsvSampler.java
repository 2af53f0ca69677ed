// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.pagepool.workload.CounterCsv;
import org.pagepool.workload.Simulation;

/** Writes the counters as CSV rows ({@link CounterCsv}) at every multiple of a simulated interval. */
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
        write(CounterCsv.header());
    }

    @Override
    public long nextSample() {
        return nextSample;
    }

    /** Rows for every sample time before {@code limit}: nothing happens in the simulation until then. */
    @Override
    public void sampleUntil(Simulation sim, long limit) {
        if (nextSample >= limit) {
            return;
        }
        CounterCsv.Sample now = CounterCsv.of(sim);
        while (nextSample < limit) {
            CounterCsv.rows(now.at(nextSample)).forEach(this::write);
            nextSample += everyNs;
        }
    }

    private void write(CharSequence line) {
        try {
            out.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
