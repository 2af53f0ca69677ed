// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.List;
import org.pagepool.nic.NicStats;
import org.pagepool.workload.StackStats;
import org.pagepool.workload.WorkloadParams;

/** What a view says about the model, without the runner's own fields (serial, speed, rates). */
record Fingerprint(long position, long timeNs, long jiffies, List<PoolView> pools, DeviceView device,
                   BuddyView buddy, NicStats nic, StackStats stack, PageSlots sockets, int socketsTotal,
                   List<String> log, long mapped, long syncs, WorkloadParams params, ScriptView script) {

    static Fingerprint of(ModelView v) {
        return new Fingerprint(v.position(), v.timeNs(), v.jiffies(), v.pools(), v.device(), v.buddy(), v.nic(),
                v.stack(), v.sockets(), v.socketsTotal(), v.log(), v.mapped(), v.syncs(), v.params(), v.script());
    }
}
