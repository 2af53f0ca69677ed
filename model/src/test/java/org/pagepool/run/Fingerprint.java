// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.List;
import org.pagepool.nic.NicStats;
import org.pagepool.view.BuddyView;
import org.pagepool.view.DeviceView;
import org.pagepool.view.ModelView;
import org.pagepool.view.PageSlots;
import org.pagepool.view.PoolView;
import org.pagepool.view.QueueView;
import org.pagepool.view.ScriptView;
import org.pagepool.workload.StackStats;
import org.pagepool.workload.WorkloadParams;

/** What a view says about the model, without the runner's own fields (serial, speed, rates). */
record Fingerprint(long position, long timeNs, long jiffies, List<PoolView> pools, DeviceView device,
                   BuddyView buddy, NicStats nic, StackStats stack, PageSlots sockets, int socketsTotal,
                   List<String> log, long mapped, long syncs, WorkloadParams params, ScriptView script,
                   List<QueueView> queues) {

    static Fingerprint of(ModelView v) {
        return new Fingerprint(v.position(), v.timeNs(), v.jiffies(), v.pools().list(), v.device(), v.buddy(),
                v.nic(), v.stackStats(), v.sockets(), v.socketsTotal(), v.log(), v.mapped(), v.syncs(), v.params(),
                v.script(), v.queues().list().stream().map(Fingerprint::withoutHistory).toList());
    }

    /** A queue without its rate and marks: they depend on when the runner looked, not on the state. */
    private static QueueView withoutHistory(QueueView q) {
        return new QueueView(q.queue(), q.cpu(), q.node(), q.cached(), q.ringCount(), q.ringStale(), q.ringSize(),
                q.rxPosted(), q.rxCompleted(), q.rxSize(), q.rssShare(), 0, 0, q.pools(), q.nic());
    }
}
