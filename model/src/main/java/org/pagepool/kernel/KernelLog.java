// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.kernel;

import java.util.ArrayDeque;
import java.util.List;
import org.pagepool.trace.Tracer;

/**
 * The kernel log ({@code printk}): lines as the kernel's format strings
 * render them. Each line is also a trace event; the last
 * {@value #KEEP} lines are kept, like a small dmesg buffer.
 */
public final class KernelLog {
    static final int KEEP = 64;

    private final Tracer tracer;
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private long total;

    KernelLog(Tracer tracer) {
        this.tracer = tracer;
    }

    KernelLog copy(Tracer copiedTracer) {
        KernelLog c = new KernelLog(copiedTracer);
        c.recent.addAll(recent);
        c.total = total;
        return c;
    }

    /** {@code printk} of one line (pr_warn, pr_crit and WARN all end up here). */
    public void print(String line) {
        total++;
        if (recent.size() == KEEP) {
            recent.removeFirst();
        }
        recent.addLast(line);
        tracer.message(line);
    }

    /** Lines printed since the kernel started. */
    public long total() {
        return total;
    }

    /** The most recent lines, oldest first. */
    public List<String> recent() {
        return List.copyOf(recent);
    }
}
