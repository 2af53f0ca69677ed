// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;

/** A value for every {@link Param}. Immutable: changes make a new instance. */
public final class WorkloadParams {
    private static final WorkloadParams DEFAULTS = new WorkloadParams(defaultValues());

    private final double[] values;

    private WorkloadParams(double[] values) {
        this.values = values;
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
        return new WorkloadParams(copy);
    }

    /** The CPU's NUMA node: CPUs are spread evenly, CPU 0 on node 0. */
    public int nodeOfCpu(int cpu) {
        return (int) ((long) cpu * getInt(Param.NODES) / getInt(Param.CPUS));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkloadParams other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Param p : Param.values()) {
            text.append(p.key()).append(" = ").append(p.format(get(p))).append('\n');
        }
        return text.toString();
    }
}
