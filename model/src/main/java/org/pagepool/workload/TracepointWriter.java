// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.LongSupplier;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.TraceObserver;

/**
 * Writes the model's page_pool tracepoints as {@code /sys/kernel/tracing/trace}
 * prints them on a v5.14 kernel, so that a simulated run can be read back
 * by {@code import} next to a real machine's capture. Pointers are made up
 * but stable: a pool's is derived from its id, a page's from its vmemmap
 * position (64 bytes per struct page, node i's pages above node i-1's).
 */
public final class TracepointWriter implements TraceObserver {
    private static final long POOL_BASE = 0xffff888100000000L;
    private static final long VMEMMAP = 0xffffea0000000000L;
    private static final int NODE_SHIFT = 24;

    private final Writer out;
    private final Kernel kernel;
    private final LongSupplier nowNs;
    private final StringBuilder line = new StringBuilder(160);

    /** Writes to {@code out}; {@code nowNs} gives the simulated time of each event. */
    public TracepointWriter(Writer out, Kernel kernel, LongSupplier nowNs) {
        this.out = out;
        this.kernel = kernel;
        this.nowNs = nowNs;
        write("# tracer: nop\n#\n#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
                + "#              | |         |   |||||     |         |\n");
    }

    @Override
    public void stateHold(int pool, int page, int hold) {
        prefix().append("page_pool_state_hold: page_pool=");
        pageEvent(pool, page).append(" hold=").append(Integer.toUnsignedString(hold)).append('\n');
        flushLine();
    }

    @Override
    public void stateRelease(int pool, int page, int release) {
        prefix().append("page_pool_state_release: page_pool=");
        pageEvent(pool, page).append(" release=").append(Integer.toUnsignedString(release)).append('\n');
        flushLine();
    }

    @Override
    public void poolRelease(int pool, int inflight, int hold, int release, int cnt) {
        prefix().append("page_pool_release: page_pool=");
        hex16(poolPointer(pool)).append(" inflight=").append(inflight).append(" hold=")
                .append(Integer.toUnsignedString(hold)).append(" release=").append(Integer.toUnsignedString(release))
                .append(" cnt=").append(Integer.toUnsignedString(cnt)).append('\n');
        flushLine();
    }

    @Override
    public void updateNid(int pool, int poolNid, int newNid) {
        prefix().append("page_pool_update_nid: page_pool=");
        hex16(poolPointer(pool)).append(" pool_nid=").append(poolNid).append(" new_nid=").append(newNid).append('\n');
        flushLine();
    }

    private StringBuilder pageEvent(int pool, int page) {
        long pfn = ((long) PageRef.pageToNid(page) << NODE_SHIFT) + PageRef.pageToPfn(page);
        hex16(poolPointer(pool)).append(" page=");
        return hex16(VMEMMAP + pfn * 64).append(" pfn=0x").append(Long.toHexString(pfn));
    }

    private static long poolPointer(int pool) {
        return POOL_BASE + ((long) pool << 12);
    }

    /** {@code <idle>-0 [CPU] ..s1. SECONDS.MICROS: }, the context of the code running. */
    private StringBuilder prefix() {
        line.setLength(0);
        long ns = nowNs.getAsLong();
        String cpu = Integer.toString(kernel.runningCpu());
        line.append("          <idle>-0       [");
        for (int i = cpu.length(); i < 3; i++) {
            line.append('0');
        }
        line.append(cpu).append("] ").append(kernel.inServingSoftirq() ? "..s1." : ".....").append(' ');
        String seconds = Long.toString(ns / 1_000_000_000L);
        for (int i = seconds.length(); i < 6; i++) {
            line.append(' ');
        }
        String micros = Long.toString(ns / 1_000 % 1_000_000);
        line.append(seconds).append('.');
        for (int i = micros.length(); i < 6; i++) {
            line.append('0');
        }
        return line.append(micros).append(": ");
    }

    private StringBuilder hex16(long value) {
        String hex = Long.toHexString(value);
        for (int i = hex.length(); i < 16; i++) {
            line.append('0');
        }
        return line.append(hex);
    }

    private void flushLine() {
        write(line);
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
