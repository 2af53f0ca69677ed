// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.text.Numbers;

/**
 * Plays a preset from the start and checks each checkpoint's conditions
 * where a guided run stops: at its time (every step due by then has run) or
 * after its number of steps, in the preset's order.
 */
public final class CheckpointConditions {
    private CheckpointConditions() {
    }

    /** A condition that did not hold, with the values it read. */
    public record Failure(Checkpoint checkpoint, Condition condition, Map<String, Double> values) {
        /** {@code line 12 (checkpoint 120ms buddy): rx_missed > 0 [rx_missed=0]}. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            text.append("line ").append(condition.line()).append(" (checkpoint on line ").append(checkpoint.line())
                    .append(" at ").append(moment(checkpoint)).append("): ").append(condition.text())
                    .append(" [");
            String sep = "";
            for (Map.Entry<String, Double> e : values.entrySet()) {
                text.append(sep).append(e.getKey()).append('=').append(format(e.getValue()));
                sep = " ";
            }
            return text.append(']').toString();
        }
    }

    /** Every condition of {@code preset} that does not hold when its checkpoint is reached, in order. */
    public static List<Failure> check(Preset preset) throws PoolCreateException {
        Simulation sim = preset.start(null);
        List<Failure> failures = new ArrayList<>();
        double[] before = StateFields.sample(sim);
        for (Checkpoint c : preset.checkpoints()) {
            runTo(sim, c);
            double[] now = StateFields.sample(sim);
            for (Condition condition : c.holds()) {
                if (!condition.holds(now, before)) {
                    failures.add(new Failure(c, condition, condition.values(now, before)));
                }
            }
            before = now;
        }
        return failures;
    }

    /** Runs {@code sim} to where a guided run stops for {@code c} (nothing when it is already past). */
    public static void runTo(Simulation sim, Checkpoint c) {
        if (c.timeNs() >= 0) {
            if (sim.now() < c.timeNs()) {
                sim.run(Long.MAX_VALUE, c.timeNs(), 0);
                sim.idleUntil(c.timeNs());
            }
        } else if (sim.steps() < c.step()) {
            sim.run(c.step() - sim.steps(), Long.MAX_VALUE, 0);
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }

    /** How a checkpoint's moment reads: {@code 120ms} or {@code step 2}. */
    private static String moment(Checkpoint c) {
        return c.timeNs() >= 0 ? Numbers.formatTime(c.timeNs()) : "step " + c.step();
    }
}
