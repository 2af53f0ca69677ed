// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;
import java.util.Objects;

/**
 * A value for every {@link Param}, and the settings that are lists rather
 * than numbers: the IRQ CPUs of the queues ({@code irq.cpus}), the CPUs a
 * cpumap redirects to ({@code redirect.cpus}) and the RSS spread ({@code rss},
 * {@code rss.table}). Immutable: changes make a new instance.
 */
public final class WorkloadParams {
    private static final WorkloadParams DEFAULTS = new WorkloadParams(defaultValues(), IdList.NONE, IdList.NONE,
            Rss.UNIFORM);

    private final double[] values;
    private final IdList irqCpus;
    private final IdList redirectCpus;
    private final Rss rss;

    private WorkloadParams(double[] values, IdList irqCpus, IdList redirectCpus, Rss rss) {
        this.values = values;
        this.irqCpus = irqCpus;
        this.redirectCpus = redirectCpus;
        this.rss = rss;
    }

    public static WorkloadParams defaults() {
        return DEFAULTS;
    }

    private static double[] defaultValues() {
        double[] v = new double[Param.values().length];
        for (Param p : Param.values()) {
            v[p.ordinal()] = p.defaultValue();
        }
        return v;
    }

    public double get(Param p) {
        return values[p.ordinal()];
    }

    public long getLong(Param p) {
        return (long) values[p.ordinal()];
    }

    public int getInt(Param p) {
        return (int) values[p.ordinal()];
    }

    public boolean getBoolean(Param p) {
        return values[p.ordinal()] != 0;
    }

    /**
     * A copy with one value changed.
     *
     * @throws IllegalArgumentException when the value is outside the parameter's range
     */
    /** True when some XDP verdict has a weight above 0 (all at 0 would leave the program nothing to do). */
    public boolean someVerdictWeighted() {
        return get(Param.DROP) + get(Param.TX) + get(Param.REDIRECT) + get(Param.PASS) > 0;
    }

    public WorkloadParams with(Param p, double value) {
        if (Double.isNaN(value) || value < p.min() || value > p.max()) {
            throw new IllegalArgumentException(p.key() + " must be within " + p.format(p.min()) + ".."
                    + p.format(p.max()) + ", not " + p.format(value));
        }
        if (p.integral() && value != Math.rint(value)) {
            throw new IllegalArgumentException(p.key() + " must be a whole number, not " + value);
        }
        double[] copy = values.clone();
        copy[p.ordinal()] = value;
        return new WorkloadParams(copy, irqCpus, redirectCpus, rss);
    }

    /** {@code irq.cpus}: queue i's interrupt on CPU entry i (the list repeated); empty for the default rule. */
    public IdList irqCpus() {
        return irqCpus;
    }

    public WorkloadParams withIrqCpus(IdList cpus) {
        return new WorkloadParams(values, cpus, redirectCpus, rss);
    }

    /** {@code redirect.cpus}: the cpumap entries XDP_REDIRECT spreads frames over; empty for {@code redirect.cpu}. */
    public IdList redirectCpus() {
        return redirectCpus;
    }

    public WorkloadParams withRedirectCpus(IdList cpus) {
        return new WorkloadParams(values, irqCpus, cpus, rss);
    }

    /** How RSS spreads packets over the queues ({@code rss}, {@code rss.table}). */
    public Rss rss() {
        return rss;
    }

    public WorkloadParams withRss(Rss spread) {
        return new WorkloadParams(values, irqCpus, redirectCpus, spread);
    }

    /**
     * The CPU queue {@code q}'s interrupt (and NAPI) is pinned to at the
     * start: entry q of {@code irq.cpus}, or else {@code irq.cpu + q} (mod
     * {@code cpus}), so that by default queue i runs on CPU i.
     */
    public int irqCpuOfQueue(int q) {
        int cpus = getInt(Param.CPUS);
        if (!irqCpus.isEmpty()) {
            return Math.min(irqCpus.cyclic(q), cpus - 1);
        }
        return (Math.min(getInt(Param.IRQ_CPU), cpus - 1) + q) % cpus;
    }

    /**
     * The CPU's NUMA node: {@code cpus.per_node} CPUs on each node in order
     * (a preset's check keeps them on nodes that exist; a change in the
     * window that does not puts the rest on the last), else CPUs spread
     * evenly, CPU 0 on node 0.
     */
    public int nodeOfCpu(int cpu) {
        int perNode = getInt(Param.CPUS_PER_NODE);
        if (perNode > 0) {
            return Math.min(cpu / perNode, getInt(Param.NODES) - 1);
        }
        return (int) ((long) cpu * getInt(Param.NODES) / getInt(Param.CPUS));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkloadParams other && Arrays.equals(values, other.values)
                && irqCpus.equals(other.irqCpus) && redirectCpus.equals(other.redirectCpus) && rss.equals(other.rss);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Objects.hash(irqCpus, redirectCpus, rss);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Param p : Param.values()) {
            text.append(p.key()).append(" = ").append(p.format(get(p))).append('\n');
        }
        if (!irqCpus.isEmpty()) {
            text.append("irq.cpus = ").append(irqCpus.format()).append('\n');
        }
        if (!redirectCpus.isEmpty()) {
            text.append("redirect.cpus = ").append(redirectCpus.format()).append('\n');
        }
        if (!rss.equals(Rss.UNIFORM)) {
            text.append("rss = ").append(rss.format()).append('\n');
            if (!rss.table().isEmpty()) {
                text.append("rss.table = ").append(rss.table().format()).append('\n');
            }
        }
        return text.toString();
    }
}
