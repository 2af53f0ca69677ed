// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Importing tracepoint text, in lines per second (the target: at
 * least 1 M lines/s, in bounded memory): the whole import of a v5.14 tracefs
 * trace of 16 pools, 90 % page_pool events, held in memory so that no disk
 * is measured; and the line parser alone, into a sink that keeps nothing.
 * With {@code -prof gc} the allocation per line shows (the parse path should
 * allocate nothing per line).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class TraceImportBenchmark {
    static final int LINES = 1 << 18;

    private byte[] trace;
    private final ByteLine line = new ByteLine();

    /** A sink that only counts, so the parser's own cost shows. */
    static final class Counting implements PoolEventSink {
        long events;

        @Override
        public void hold(long ns, int cpu, long pool, long page, boolean pfn, long hold) {
            events += page;
        }

        @Override
        public void release(long ns, int cpu, long pool, long page, boolean pfn, long release) {
            events -= page;
        }

        @Override
        public void shutdownAttempt(long ns, long pool, int inflight, long hold, long release, long attempts) {
            events++;
        }

        @Override
        public void updateNid(long ns, long pool, int poolNid, int newNid) {
            events++;
        }

        @Override
        public void stalled(long ns, long pool, int id, int inflight, int seconds) {
            events++;
        }

        @Override
        public void lost(long ns, int cpu, long count) {
            events++;
        }
    }

    @Setup(Level.Trial)
    public void generate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(LINES * 130);
        new TraceGenerator(LINES, 16, 512).transferTo(out);
        trace = out.toByteArray();
    }

    /** The whole import: lines, parser, the pools' tables, the report's data. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public Capture importTrace() throws CaptureException {
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(trace), "trace.txt", CaptureFormat.TRACE);
        return importer.finish();
    }

    /** Lines and the parser only. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public long parseLines() throws IOException, CaptureException {
        Counting sink = new Counting();
        TraceLineParser parser = new TraceLineParser("trace.txt", sink);
        try (LineReader reader = new LineReader(new ByteArrayInputStream(trace), "trace.txt")) {
            while (reader.next(line)) {
                parser.parse(line);
            }
        }
        return sink.events;
    }
}
