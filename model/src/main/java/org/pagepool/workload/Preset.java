// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.List;
import org.pagepool.nic.CallRecorder;
import org.pagepool.pool.PoolCreateException;

/**
 * A workload preset: parameters, a timeline of events, how long to run, and
 * the words that tell a viewer what the story is. Immutable.
 *
 * @param name       the file name it came from
 * @param summary    a line or two on what happens
 * @param watch      what to look at while it runs
 * @param durationNs how much simulated time the story needs
 * @param checkpoints where a guided run pauses to explain, in order
 * @param speed      the factor of real time the story reads well at (a viewer's starting speed)
 */
public record Preset(String name, String title, List<String> summary, List<String> watch, long durationNs, long seed,
                     WorkloadParams params, List<TimedAction> timeline, List<Checkpoint> checkpoints, double speed) {

    public Preset {
        summary = List.copyOf(summary);
        watch = List.copyOf(watch);
        timeline = List.copyOf(timeline);
        checkpoints = List.copyOf(checkpoints);
    }

    /** The same story with other parameters (a live tweak saved, or a reset with changes). */
    public Preset withParams(WorkloadParams changed) {
        return new Preset(name, title, summary, watch, durationNs, seed, changed, timeline, checkpoints, speed);
    }

    public Preset withSeed(long newSeed) {
        return new Preset(name, title, summary, watch, durationNs, newSeed, params, timeline, checkpoints, speed);
    }

    /** A fresh simulation of this preset. */
    public Simulation start(CallRecorder recorder) throws PoolCreateException {
        return new Simulation(params, timeline, seed, recorder);
    }
}
