// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A claim a checkpoint makes, in a form the model can check: a comparison of
 * counters and state ({@link StateFields}) such as {@code rx_missed > 0 and
 * inflight < 1k}, or of how they changed since the previous checkpoint
 * ({@code change(slow) == 0}). It reads two {@link StateFields#sample samples}:
 * now, and at the previous checkpoint (the start of the run for the first).
 * Read by {@link ConditionParser}; immutable.
 *
 * @param text what the preset wrote
 * @param line the preset line it came from
 */
public record Condition(String text, int line, Test test) {

    /** Whether the claim holds, {@code now} and {@code before} being samples at this checkpoint and the previous. */
    public boolean holds(double[] now, double[] before) {
        return test.holds(now, before);
    }

    /** What the condition reads ({@code name} or {@code change(name)}) and its value, in the order it names them. */
    public Map<String, Double> values(double[] now, double[] before) {
        Map<String, Double> values = new LinkedHashMap<>();
        test.collect(now, before, values);
        return values;
    }

    /** A part of a condition that is true or false. */
    public sealed interface Test {
        boolean holds(double[] now, double[] before);

        void collect(double[] now, double[] before, Map<String, Double> values);
    }

    /** A part of a condition that is a number. */
    public sealed interface Value {
        double value(double[] now, double[] before);

        void collect(double[] now, double[] before, Map<String, Double> values);
    }

    /** A number written in the condition. */
    record Constant(double number) implements Value {
        @Override
        public double value(double[] now, double[] before) {
            return number;
        }

        @Override
        public void collect(double[] now, double[] before, Map<String, Double> values) {
        }
    }

    /** A counter or state field. */
    record FieldValue(StateFields.Field field) implements Value {
        @Override
        public double value(double[] now, double[] before) {
            return now[field.index()];
        }

        @Override
        public void collect(double[] now, double[] before, Map<String, Double> values) {
            values.putIfAbsent(field.name(), value(now, before));
        }
    }

    /** {@code change(name)}: how much a field grew (negative: fell) since the previous checkpoint. */
    record Change(StateFields.Field field) implements Value {
        @Override
        public double value(double[] now, double[] before) {
            return now[field.index()] - before[field.index()];
        }

        @Override
        public void collect(double[] now, double[] before, Map<String, Double> values) {
            values.putIfAbsent("change(" + field.name() + ")", value(now, before));
        }
    }

    /** {@code +}, {@code -} or {@code *}; a unary minus is {@code 0 - x}. */
    record Arithmetic(char op, Value left, Value right) implements Value {
        @Override
        public double value(double[] now, double[] before) {
            double a = left.value(now, before);
            double b = right.value(now, before);
            return op == '+' ? a + b : op == '-' ? a - b : a * b;
        }

        @Override
        public void collect(double[] now, double[] before, Map<String, Double> values) {
            left.collect(now, before, values);
            right.collect(now, before, values);
        }
    }

    /** {@code == != < <= > >=}. */
    record Comparison(String op, Value left, Value right) implements Test {
        @Override
        public boolean holds(double[] now, double[] before) {
            double a = left.value(now, before);
            double b = right.value(now, before);
            return switch (op) {
                case "==" -> a == b;
                case "!=" -> a != b;
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                default -> a >= b;
            };
        }

        @Override
        public void collect(double[] now, double[] before, Map<String, Double> values) {
            left.collect(now, before, values);
            right.collect(now, before, values);
        }
    }

    /** {@code and} ({@code all} true) or {@code or} ({@code all} false: any). */
    record Junction(boolean all, Test left, Test right) implements Test {
        @Override
        public boolean holds(double[] now, double[] before) {
            return all ? left.holds(now, before) && right.holds(now, before)
                    : left.holds(now, before) || right.holds(now, before);
        }

        @Override
        public void collect(double[] now, double[] before, Map<String, Double> values) {
            left.collect(now, before, values);
            right.collect(now, before, values);
        }
    }

    record Not(Test inner) implements Test {
        @Override
        public boolean holds(double[] now, double[] before) {
            return !inner.holds(now, before);
        }

        @Override
        public void collect(double[] now, double[] before, Map<String, Double> values) {
            inner.collect(now, before, values);
        }
    }
}
