// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A claim a checkpoint makes, in a form the model can check: a comparison of
 * counters and state ({@link StateFields}) such as {@code rx_missed > 0 and
 * inflight < 1k}. Read by {@link ConditionParser}; immutable.
 *
 * @param text what the preset wrote
 * @param line the preset line it came from
 */
public record Condition(String text, int line, Test test) {

    /** Whether the claim holds for the simulation as it is now. */
    public boolean holds(Simulation sim) {
        return test.holds(sim);
    }

    /** The fields the condition reads and their values now, in the order it names them. */
    public Map<String, Double> values(Simulation sim) {
        Map<String, Double> values = new LinkedHashMap<>();
        test.collect(sim, values);
        return values;
    }

    /** A part of a condition that is true or false. */
    public sealed interface Test {
        boolean holds(Simulation sim);

        void collect(Simulation sim, Map<String, Double> values);
    }

    /** A part of a condition that is a number. */
    public sealed interface Value {
        double value(Simulation sim);

        void collect(Simulation sim, Map<String, Double> values);
    }

    /** A number written in the condition. */
    record Constant(double number) implements Value {
        @Override
        public double value(Simulation sim) {
            return number;
        }

        @Override
        public void collect(Simulation sim, Map<String, Double> values) {
        }
    }

    /** A counter or state field. */
    record FieldValue(StateFields.Field field) implements Value {
        @Override
        public double value(Simulation sim) {
            return field.read().applyAsDouble(sim);
        }

        @Override
        public void collect(Simulation sim, Map<String, Double> values) {
            values.putIfAbsent(field.name(), value(sim));
        }
    }

    /** {@code +}, {@code -} or {@code *}; a unary minus is {@code 0 - x}. */
    record Arithmetic(char op, Value left, Value right) implements Value {
        @Override
        public double value(Simulation sim) {
            double a = left.value(sim);
            double b = right.value(sim);
            return op == '+' ? a + b : op == '-' ? a - b : a * b;
        }

        @Override
        public void collect(Simulation sim, Map<String, Double> values) {
            left.collect(sim, values);
            right.collect(sim, values);
        }
    }

    /** {@code == != < <= > >=}. */
    record Comparison(String op, Value left, Value right) implements Test {
        @Override
        public boolean holds(Simulation sim) {
            double a = left.value(sim);
            double b = right.value(sim);
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
        public void collect(Simulation sim, Map<String, Double> values) {
            left.collect(sim, values);
            right.collect(sim, values);
        }
    }

    /** {@code and} ({@code all} true) or {@code or} ({@code all} false: any). */
    record Junction(boolean all, Test left, Test right) implements Test {
        @Override
        public boolean holds(Simulation sim) {
            return all ? left.holds(sim) && right.holds(sim) : left.holds(sim) || right.holds(sim);
        }

        @Override
        public void collect(Simulation sim, Map<String, Double> values) {
            left.collect(sim, values);
            right.collect(sim, values);
        }
    }

    record Not(Test inner) implements Test {
        @Override
        public boolean holds(Simulation sim) {
            return !inner.holds(sim);
        }

        @Override
        public void collect(Simulation sim, Map<String, Double> values) {
            inner.collect(sim, values);
        }
    }
}
