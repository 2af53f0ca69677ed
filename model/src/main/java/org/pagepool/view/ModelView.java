// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.List;
import org.pagepool.nic.NicStats;
import org.pagepool.trace.KernelFunction;
import org.pagepool.workload.Preset;
import org.pagepool.workload.StackStats;
import org.pagepool.workload.WorkloadParams;

/**
 * Everything a viewer needs to draw the model at one moment, copied out of
 * the live model by the worker: safe to read on any thread. A new one
 * replaces the last, never queued. It is made of smaller views, each
 * computed once by the worker (totals included); the accessors below them
 * are shorthand for their parts.
 *
 * @param device the focused queue's NIC, or null for a script
 * @param nic    the NIC's counters summed over its queues, or null for a script
 * @param queues every queue, the focused one and their pages per node ({@link QueuesView#NONE} for a script)
 * @param guide  the guided scenario's state: checkpoints on or off, the one the run stopped at
 */
public record ModelView(StatusView status, LoadedView loaded, KernelView kernel, PoolsView pools, DeviceView device,
                        NicStats nic, StackView stack, QueuesView queues, GuideView guide) {

    /** The pool the driver of the focused queue (or the script) uses now, or null. */
    public PoolView currentPool() {
        return pools.current();
    }

    /** Every pool of the system added up (all queues, deferred pools included). */
    public PoolTotals totals() {
        return pools.totals();
    }

    /** The focused queue's NIC counters (the NIC's, on one queue), null for a script. */
    public NicStats focusedNic() {
        return queues.many() ? queues.get(queues.focus()).nic() : nic;
    }

    /** True for a view of a live workload, false for a script. */
    public boolean live() {
        return loaded.script() == null;
    }

    public long serial() {
        return status.serial();
    }

    public RunnerState state() {
        return status.state();
    }

    public String error() {
        return status.error();
    }

    public double speed() {
        return status.speed();
    }

    public boolean eventsOn() {
        return status.eventsOn();
    }

    public long droppedEvents() {
        return status.droppedEvents();
    }

    public long position() {
        return status.position();
    }

    public long timeNs() {
        return status.timeNs();
    }

    public long jiffies() {
        return status.jiffies();
    }

    public double simPps() {
        return status.simPps();
    }

    public double wallPps() {
        return status.wallPps();
    }

    public long recordedLines() {
        return status.recordedLines();
    }

    public long loads() {
        return status.loads();
    }

    public String title() {
        return loaded.title();
    }

    public String source() {
        return loaded.source();
    }

    public long seed() {
        return loaded.seed();
    }

    public Preset preset() {
        return loaded.preset();
    }

    public WorkloadParams params() {
        return loaded.params();
    }

    public ScriptView script() {
        return loaded.script();
    }

    public BuddyView buddy() {
        return kernel.buddy();
    }

    public KernelFunction current() {
        return kernel.current();
    }

    public List<KernelFunction> calls() {
        return kernel.calls();
    }

    public List<String> log() {
        return kernel.log();
    }

    public long logTotal() {
        return kernel.logTotal();
    }

    public long mapped() {
        return kernel.mapped();
    }

    public long syncs() {
        return kernel.syncs();
    }

    public StackStats stackStats() {
        return stack.stats();
    }

    public PageSlots sockets() {
        return stack.sockets();
    }

    public int socketsTotal() {
        return stack.total();
    }
}
