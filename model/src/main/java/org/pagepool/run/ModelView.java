// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.List;
import org.pagepool.nic.NicStats;
import org.pagepool.trace.KernelFunction;
import org.pagepool.workload.Preset;
import org.pagepool.workload.StackStats;
import org.pagepool.workload.WorkloadParams;

/**
 * Everything a viewer needs to draw the model at one moment, copied out of
 * the live model by the worker: safe to read on any thread. A new one
 * replaces the last, never queued.
 *
 * @param serial        increases with every view the runner publishes
 * @param position      steps taken since the start (a step is at most one kernel call)
 * @param timeNs        simulated time; a script counts {@value ScriptSession#LINE_NS} ns per line run
 * @param eventsOn      whether per-page events are being published (off at high speed)
 * @param droppedEvents events the viewer did not take in time, dropped, since the start
 * @param device        the NIC, or null for a script
 * @param sockets       pages out of the pool's hands: skbs held by sockets and redirected frames waiting on
 *                      other CPUs (live), or
 *                      the pages a script's driver holds or detached (the first ones, up to a display limit)
 * @param socketsTotal  how many such pages there really are
 * @param simPps        packets per simulated second, recently
 * @param wallPps       packets per wall-clock second, recently
 * @param current       the kernel function the last step called into, or null (events off)
 * @param calls         every kernel function the last step entered, in order, each once
 * @param params        the workload's parameters now (null for a script)
 * @param script        the script being stepped through, or null
 * @param guide         the guided scenario's state: checkpoints on or off, the one the run stopped at
 * @param recordedLines lines of .pool script recorded so far, -1 when not recording
 * @param loads         presets and scripts loaded so far: a change means a new one was loaded (not a reset)
 * @param preset        the live run's preset (with its current seed), null for a script
 */
public record ModelView(long serial, RunnerState state, String error, double speed, boolean eventsOn,
                        long droppedEvents, long position, long timeNs, long jiffies, String title, String source,
                        long seed, List<PoolView> pools, DeviceView device, BuddyView buddy, NicStats nic,
                        StackStats stack, PageSlots sockets, int socketsTotal, double simPps, double wallPps,
                        KernelFunction current, List<KernelFunction> calls, List<String> log, long logTotal, long mapped, long syncs,
                        WorkloadParams params, ScriptView script, GuideView guide, long recordedLines, long loads,
                        Preset preset) {

    public ModelView {
        pools = List.copyOf(pools);
        log = List.copyOf(log);
        calls = List.copyOf(calls);
    }

    /** The pool the driver (or the script) uses now, or null. */
    public PoolView currentPool() {
        return pools.isEmpty() ? null : pools.get(pools.size() - 1);
    }

    /** True for a view of a live workload, false for a script. */
    public boolean live() {
        return script == null;
    }
}
