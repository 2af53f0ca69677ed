// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time this JVM spent between two looks, by thread (the FX thread, the
 * renderer, the model's worker) and the rest (collector, compiler): what a
 * frame costs, whatever else runs on the machine. Any one thread.
 */
final class CpuShares {
    private static final String[] NAMED = {"JavaFX Application Thread", "QuantumRenderer-0", "pagepool-model"};
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private Map<String, Long> atStart;
    private long processAtStart;

    /** Notes the CPU times now. */
    void start() {
        atStart = byThread();
        processAtStart = os.getProcessCpuTime();
    }

    /** The CPU time since {@link #start}, in ms per {@code frames} frames, by thread and in all. */
    String perFrame(int frames) {
        Map<String, Long> now = byThread();
        long process = os.getProcessCpuTime() - processAtStart;
        StringBuilder out = new StringBuilder();
        long named = 0;
        for (String name : NAMED) {
            long spent = spent(now, name);
            named += spent;
            out.append(String.format(Locale.ROOT, "%s %.2f, ", name, perFrame(spent, frames)));
        }
        out.append(String.format(Locale.ROOT, "the rest %.2f (", perFrame(process - named, frames)));
        // the busiest of the rest by name: collector and compiler threads, timers
        now.keySet().stream().filter(n -> !List.of(NAMED).contains(n))
                .sorted(Comparator.comparingLong((String n) -> spent(now, n)).reversed()).limit(4)
                .forEach(n -> out.append(String.format(Locale.ROOT, "%s %.2f, ", n, perFrame(spent(now, n), frames))));
        return out.append(String.format(Locale.ROOT, "...), in all %.2f ms", perFrame(process, frames))).toString();
    }

    private long spent(Map<String, Long> now, String name) {
        return now.getOrDefault(name, 0L) - atStart.getOrDefault(name, 0L);
    }

    private static double perFrame(long ns, int frames) {
        return ns / 1e6 / Math.max(1, frames);
    }

    private Map<String, Long> byThread() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                String name = info.getThreadName().startsWith("Gtk") ? "JavaFX Application Thread"
                        : info.getThreadName();
                cpu.merge(name, Math.max(0, threads.getThreadCpuTime(info.getThreadId())), Long::sum);
            }
        }
        return cpu;
    }
}
