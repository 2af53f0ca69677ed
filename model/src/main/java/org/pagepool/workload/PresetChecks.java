// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.List;
import java.util.Map;
import org.pagepool.text.Numbers;
import org.pagepool.workload.PresetParser.PresetError;

/**
 * The checks of a preset that span lines, once {@link PresetParser} has read
 * them all: CPUs, queues and nodes that must exist, events and checkpoints
 * before the end, an XDP verdict with a weight at every moment. An error
 * names the line that made the settings disagree (the later one).
 *
 * @param said   the line of each once-only setting given
 * @param lineOf the line of each {@link Param} set, by ordinal (0 when not set)
 */
record PresetChecks(WorkloadParams params, long duration, Map<String, Integer> said, int[] lineOf,
                    List<TimedAction> timeline, List<Checkpoint> checkpoints) {

    void all() throws PresetError {
        checkCrossSettings();
        checkWithinDuration();
        checkTimeline();
    }

    /** The line of whichever of two settings came last (the one that made them disagree). */
    private int later(Param a, Param b) {
        return Math.max(lineOf[a.ordinal()], lineOf[b.ordinal()]);
    }

    /** Settings that depend on each other: CPUs and nodes that must exist. */
    private void checkCrossSettings() throws PresetError {
        int cpus = params.getInt(Param.CPUS);
        if (params.irqCpus().max() >= cpus) {
            throw new PresetError(Math.max(said.get("irq.cpus"), lineOf[Param.CPUS.ordinal()]), "irq.cpus names CPU "
                    + params.irqCpus().max() + ", but the CPUs are 0.." + (cpus - 1) + " (cpus = " + cpus + ")");
        }
        if (params.redirectCpus().max() >= cpus) {
            throw new PresetError(Math.max(said.get("redirect.cpus"), lineOf[Param.CPUS.ordinal()]),
                    "redirect.cpus names CPU " + params.redirectCpus().max() + ", but the CPUs are 0.." + (cpus - 1)
                    + " (cpus = " + cpus + ")");
        }
        int queues = params.getInt(Param.QUEUES);
        IdList rssTable = params.rss().table();
        if (rssTable.max() >= queues) {
            throw new PresetError(Math.max(said.get("rss.table"), lineOf[Param.QUEUES.ordinal()]), "rss.table names"
                    + " queue " + rssTable.max() + ", but the queues are 0.." + (queues - 1) + " (nic.queues = "
                    + queues + ")");
        }
        for (Param cpu : new Param[] {Param.IRQ_CPU, Param.REDIRECT_CPU}) {
            if (params.getInt(cpu) >= cpus) {
                throw new PresetError(later(cpu, Param.CPUS), cpu.key() + " is " + params.getInt(cpu)
                        + ", but irq.cpu and redirect.cpu must be below cpus (" + cpus + ")");
            }
        }
        int perNode = params.getInt(Param.CPUS_PER_NODE);
        int nodes = params.getInt(Param.NODES);
        if (perNode > 0 && (long) perNode * nodes < cpus) {
            throw new PresetError(Math.max(later(Param.CPUS_PER_NODE, Param.NODES), lineOf[Param.CPUS.ordinal()]),
                    "cpus.per_node = " + perNode + " on " + nodes + " nodes places " + perNode * nodes + " CPUs,"
                    + " but cpus = " + cpus + ": give each node more CPUs, or more nodes");
        }
        if (params.getInt(Param.POOL_NID) >= params.getInt(Param.NODES)) {
            throw new PresetError(later(Param.POOL_NID, Param.NODES), "pool.nid must be -1 or a node below"
                    + " memory.nodes (" + params.getInt(Param.NODES) + ")");
        }
        for (TimedAction a : timeline) {
            if (a.action() instanceof TimedAction.Reload reload && reload.queue() >= queues) {
                throw new PresetError(a.line(), "reload queue=" + reload.queue() + ": the queues are 0.."
                        + (queues - 1) + " (nic.queues = " + queues + ")");
            }
            if (a.action() instanceof TimedAction.IrqMove move) {
                if (move.queue() >= queues) {
                    throw new PresetError(a.line(), "irq queue=" + move.queue() + ": the queues are 0.."
                            + (queues - 1) + " (nic.queues = " + queues + ")");
                }
                if (move.cpu() >= cpus) {
                    throw new PresetError(a.line(), "irq cpu=" + move.cpu() + ": the CPUs are 0.." + (cpus - 1)
                            + " (cpus = " + cpus + ")");
                }
            }
            if (a.action() instanceof TimedAction.SetParam set) {
                boolean cpu = set.param() == Param.IRQ_CPU || set.param() == Param.REDIRECT_CPU;
                if (cpu && set.value() >= cpus) {
                    throw new PresetError(a.line(), set.param().key() + " must be below cpus (" + cpus + ")");
                }
                if (set.param() == Param.POOL_NID && set.value() >= params.getInt(Param.NODES)) {
                    throw new PresetError(a.line(), "pool.nid must be -1 or a node below memory.nodes");
                }
            }
        }
    }

    /** Events and time checkpoints happen before the run ends. */
    private void checkWithinDuration() throws PresetError {
        Integer durationLine = said.get("duration");
        String end = "the run ends at " + Numbers.formatTime(duration) + (durationLine != null
                ? " (duration on line " + durationLine + ")" : " (the default duration: set duration = ...)");
        for (TimedAction a : timeline) {
            if (a.timeNs() >= duration) {
                throw new PresetError(a.line(), "this event at " + Numbers.formatTime(a.timeNs())
                        + " would never happen: " + end);
            }
        }
        for (Checkpoint c : checkpoints) {
            if (c.timeNs() >= duration) {
                throw new PresetError(c.line(), "this checkpoint at " + Numbers.formatTime(c.timeNs())
                        + " would never be reached: " + end);
            }
        }
    }

    private static final Param[] VERDICTS = {Param.DROP, Param.TX, Param.REDIRECT, Param.PASS};

    /** Plays the timeline's settings through: some XDP verdict always has a weight; no unload of an unloaded driver. */
    private void checkTimeline() throws PresetError {
        WorkloadParams p = params;
        int weightLine = 0;
        for (Param verdict : VERDICTS) {
            weightLine = Math.max(weightLine, lineOf[verdict.ordinal()]);
        }
        checkWeights(p, weightLine);
        TimedAction unloadedBy = null;
        for (int i = 0; i < timeline.size(); i++) {
            TimedAction a = timeline.get(i);
            if (a.action() instanceof TimedAction.SetParam set) {
                p = p.with(set.param(), set.value());
                if (List.of(VERDICTS).contains(set.param())) {
                    weightLine = a.line();
                }
            } else if (a.action() instanceof TimedAction.Unload) {
                if (unloadedBy != null) {
                    throw new PresetError(a.line(), "the driver is already unloaded (at "
                            + Numbers.formatTime(unloadedBy.timeNs()) + ", line " + unloadedBy.line()
                            + "): reload it before unloading it again");
                }
                unloadedBy = a;
            } else if (a.action() instanceof TimedAction.Reload) {
                unloadedBy = null; // a reload (of one queue or all) loads the driver again
            }
            boolean lastAtThisTime = i + 1 == timeline.size() || timeline.get(i + 1).timeNs() != a.timeNs();
            if (lastAtThisTime) {
                checkWeights(p, weightLine);
            }
        }
    }

    private static void checkWeights(WorkloadParams p, int line) throws PresetError {
        double sum = 0;
        for (Param verdict : VERDICTS) {
            sum += p.get(verdict);
        }
        if (sum == 0) {
            throw new PresetError(line, "every XDP verdict has weight 0: give xdp.drop, xdp.tx, xdp.redirect or"
                    + " xdp.pass a weight above 0");
        }
    }
}
