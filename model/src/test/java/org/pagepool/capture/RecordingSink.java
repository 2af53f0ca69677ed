// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.ArrayList;
import java.util.List;

/** A sink that writes every event down as a line of text, for assertions. */
final class RecordingSink implements PoolEventSink {
    final List<String> events = new ArrayList<>();

    @Override
    public void hold(long ns, int cpu, long pool, long page, boolean pfn, long hold) {
        events.add("hold " + ns + " cpu" + cpu + " " + Long.toHexString(pool) + " " + (pfn ? "pfn " : "addr ")
                + Long.toHexString(page) + " " + hold);
    }

    @Override
    public void release(long ns, int cpu, long pool, long page, boolean pfn, long release) {
        events.add("release " + ns + " cpu" + cpu + " " + Long.toHexString(pool) + " " + (pfn ? "pfn " : "addr ")
                + Long.toHexString(page) + " " + release);
    }

    @Override
    public void shutdownAttempt(long ns, long pool, int inflight, long hold, long release, long attempts) {
        events.add("shutdown " + ns + " " + Long.toHexString(pool) + " inflight=" + inflight + " hold=" + hold
                + " release=" + release + " cnt=" + attempts);
    }

    @Override
    public void updateNid(long ns, long pool, int poolNid, int newNid) {
        events.add("nid " + ns + " " + Long.toHexString(pool) + " " + poolNid + "->" + newNid);
    }

    @Override
    public void stalled(long ns, long pool, int id, int inflight, int seconds) {
        events.add("stalled " + ns + " " + Long.toHexString(pool) + " id=" + id + " inflight=" + inflight + " sec="
                + seconds);
    }

    @Override
    public void lost(long ns, int cpu, long count) {
        events.add("lost cpu" + cpu + " " + count);
    }
}
