// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import org.pagepool.script.Script;
import org.pagepool.workload.Param;
import org.pagepool.workload.Preset;

/** What a viewer asks the runner to do. Immutable; applied by the worker between steps, in order. */
public sealed interface RunnerCommand {
    /** Run at the set speed. */
    record Play() implements RunnerCommand {
    }

    record Pause() implements RunnerCommand {
    }

    /** Pause, then go forward by one unit. */
    record Step(Unit unit) implements RunnerCommand {
    }

    /** Pause, then go back by one unit. */
    record StepBack(Unit unit) implements RunnerCommand {
    }

    /**
     * A factor of real time (simulated seconds per wall second), or {@link Double#POSITIVE_INFINITY} for as fast as
     * possible.
     */
    record Speed(double factor) implements RunnerCommand {
    }

    /** Change a workload parameter now (live ones act at once). */
    record SetParam(Param param, double value) implements RunnerCommand {
    }

    /** Reload the driver now: the old pool is destroyed, a new one created. */
    record Reload() implements RunnerCommand {
    }

    /** Start the preset from time 0 (paused). */
    record LoadPreset(Preset preset) implements RunnerCommand {
    }

    /** Step through a script from its first line (paused). */
    record LoadScript(Script script) implements RunnerCommand {
    }

    /** Start again from the beginning with this seed (paused). */
    record Reset(long seed) implements RunnerCommand {
    }

    /** Stop at the preset's checkpoints while playing (a guided scenario), or not. */
    record Guide(boolean on) implements RunnerCommand {
    }

    /**
     * Start recording (the run starts again from time 0, with the same seed
     * and parameters, and its pool calls are written as a .pool script) or
     * stop (the script becomes {@link ModelRunner#recording()}).
     */
    record Record(boolean on) implements RunnerCommand {
    }

    /**
     * Look at RX queue {@code queue} in detail: the view's device, pools and
     * flows become that queue's (the last queue when there are fewer).
     */
    record Focus(int queue) implements RunnerCommand {
    }

    /**
     * Go to a simulated time (ns), back or forward (paused); for a script its lines' time ({@code ModelView.timeNs}).
     */
    record Seek(long timeNs) implements RunnerCommand {
    }
}
