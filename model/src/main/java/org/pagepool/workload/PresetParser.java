// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads workload presets. One setting a line, {@code #} starts a comment:
 * <pre>
 * title = XDP_DROP steady state
 * summary = Every packet is dropped by XDP and its page recycled into the cache.
 * watch = fast grows with every packet; the cache stays near full.
 * duration = 2s
 * seed = 1
 * traffic.rate = 10M          # a parameter (see {@link Param})
 * at 500ms: irq.cpu = 2       # a timeline event: a parameter changes
 * at 1s: reload               # or the driver reloads / unloads
 * </pre>
 * Times take ns, us, ms or s; rates and counts may use k, M or G; shares may
 * be written as 30%; switches as on or off. Errors carry the line number.
 */
public final class PresetParser {
    /** A preset line that does not follow the format. */
    public static final class PresetError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        PresetError(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private PresetParser() {
    }

    public static Preset parse(String name, List<String> lines) throws PresetError {
        String title = null;
        List<String> summary = new ArrayList<>();
        List<String> watch = new ArrayList<>();
        long duration = 1_000_000_000L;
        long seed = 1;
        WorkloadParams params = WorkloadParams.defaults();
        List<TimedAction> timeline = new ArrayList<>();
        int[] lineOf = new int[Param.values().length];
        java.util.Set<String> said = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String raw = lines.get(i);
            int hash = raw.indexOf('#');
            String text = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("at ") || text.startsWith("at\t")) {
                timeline.add(timed(n, text));
                continue;
            }
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new PresetError(n, "expected key = value or at TIME: event, found \"" + text + "\"");
            }
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1).strip();
            if ((key.equals("title") || key.equals("duration") || key.equals("seed")) && !said.add(key)) {
                throw new PresetError(n, key + " is set twice");
            }
            switch (key) {
                case "title":
                    title = required(n, key, value);
                    break;
                case "summary":
                    summary.add(required(n, key, value));
                    break;
                case "watch":
                    watch.add(required(n, key, value));
                    break;
                case "duration":
                    duration = time(n, key, value);
                    if (duration <= 0) {
                        throw new PresetError(n, "duration must be more than 0");
                    }
                    break;
                case "seed": {
                    double d = number(n, key, value);
                    if (d != Math.rint(d) || Math.abs(d) > 9e15) {
                        throw new PresetError(n, "seed needs a whole number, not " + value);
                    }
                    seed = (long) d;
                    break;
                }
                default: {
                    Param param = param(n, key);
                    if (lineOf[param.ordinal()] != 0) {
                        throw new PresetError(n, key + " is set twice (first on line " + lineOf[param.ordinal()]
                                + ")");
                    }
                    lineOf[param.ordinal()] = n;
                    params = set(n, params, param, value);
                }
            }
        }
        if (title == null) {
            throw new PresetError(0, "no title: add a line title = ...");
        }
        check(params, timeline, lineOf);
        timeline.sort(Comparator.comparingLong(TimedAction::timeNs)); // stable: same-time events keep their order
        return new Preset(name, title, summary, watch, duration, seed, params, timeline);
    }

    private static String required(int line, String key, String value) throws PresetError {
        if (value.isEmpty()) {
            throw new PresetError(line, key + " needs a value");
        }
        return value;
    }

    private static TimedAction timed(int line, String text) throws PresetError {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new PresetError(line, "expected at TIME: event (e.g. at 2s: reload)");
        }
        long time = time(line, "at", text.substring(2, colon).strip());
        String event = text.substring(colon + 1).strip();
        if (event.equals("reload")) {
            return new TimedAction(time, line, new TimedAction.Reload());
        }
        if (event.equals("unload")) {
            return new TimedAction(time, line, new TimedAction.Unload());
        }
        int eq = event.indexOf('=');
        if (eq < 0) {
            throw new PresetError(line, "unknown event \"" + event + "\" (reload, unload, or key = value)");
        }
        Param param = param(line, event.substring(0, eq).strip());
        if (param.scope() == Param.Scope.RESET) {
            throw new PresetError(line, param.key() + " cannot change during a run (it needs a reset): set it at the"
                    + " top of the preset");
        }
        double value = value(line, param, event.substring(eq + 1).strip());
        return new TimedAction(time, line, new TimedAction.SetParam(param, value));
    }

    private static Param param(int line, String key) throws PresetError {
        Param param = Param.byKey(key);
        if (param == null) {
            throw new PresetError(line, "unknown setting \"" + key + "\" (settings: title, summary, watch, duration,"
                    + " seed, " + String.join(", ", Param.keys()) + ")");
        }
        return param;
    }

    private static WorkloadParams set(int line, WorkloadParams params, Param param, String text) throws PresetError {
        try {
            return params.with(param, value(line, param, text));
        } catch (IllegalArgumentException e) {
            throw new PresetError(line, e.getMessage());
        }
    }

    /** A value in the parameter's unit, checked against its range. */
    static double value(int line, Param param, String text) throws PresetError {
        double v;
        switch (param.unit()) {
            case BOOLEAN:
                v = bool(line, param.key(), text) ? 1 : 0;
                break;
            case NANOS:
                v = time(line, param.key(), text);
                break;
            case FRACTION:
                v = text.endsWith("%") ? number(line, param.key(), text.substring(0, text.length() - 1)) / 100
                        : number(line, param.key(), text);
                break;
            default:
                v = number(line, param.key(), text.endsWith("pps") ? text.substring(0, text.length() - 3) : text);
        }
        if (v < param.min() || v > param.max()) {
            throw new PresetError(line, "value out of range for " + param.key() + ": " + text + " (allowed "
                    + param.format(param.min()) + ".." + param.format(param.max()) + ")");
        }
        if (param.integral() && v != Math.rint(v)) {
            throw new PresetError(line, param.key() + " needs a whole number, not " + text);
        }
        return v;
    }

    private static boolean bool(int line, String key, String text) throws PresetError {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "on": case "true": case "yes": case "1":
                return true;
            case "off": case "false": case "no": case "0":
                return false;
            default:
                throw new PresetError(line, key + " is on or off, not \"" + text + "\"");
        }
    }

    /** A duration: a number with ns, us, ms or s (a bare number is ns). */
    static long time(int line, String key, String text) throws PresetError {
        String[][] units = {{"ns", "1"}, {"us", "1000"}, {"µs", "1000"}, {"ms", "1000000"}, {"s", "1000000000"}};
        for (String[] unit : units) {
            if (text.endsWith(unit[0])) {
                double n = number(line, key, text.substring(0, text.length() - unit[0].length()).strip());
                double ns = n * Double.parseDouble(unit[1]);
                if (ns < 0 || ns > 1e15) {
                    throw new PresetError(line, "time out of range for " + key + ": " + text);
                }
                return Math.round(ns);
            }
        }
        double n = number(line, key, text);
        if (n < 0 || n > 1e15) {
            throw new PresetError(line, "time out of range for " + key + ": " + text);
        }
        return Math.round(n);
    }

    /** A decimal number, optionally with k, M or G. */
    static double number(int line, String key, String text) throws PresetError {
        double scale = 1;
        String body = text;
        if (body.endsWith("k") || body.endsWith("K")) {
            scale = 1e3;
        } else if (body.endsWith("M")) {
            scale = 1e6;
        } else if (body.endsWith("G")) {
            scale = 1e9;
        }
        if (scale != 1) {
            body = body.substring(0, body.length() - 1);
        }
        if (!body.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            throw new PresetError(line, "not a number for " + key + ": \"" + text + "\"");
        }
        return Double.parseDouble(body) * scale;
    }

    /** The line of whichever of two settings came last (the one that made them disagree). */
    private static int later(int[] lineOf, Param a, Param b) {
        return Math.max(lineOf[a.ordinal()], lineOf[b.ordinal()]);
    }

    /** Settings that depend on each other: CPUs and nodes that must exist. */
    private static void check(WorkloadParams p, List<TimedAction> timeline, int[] lineOf) throws PresetError {
        int cpus = p.getInt(Param.CPUS);
        for (Param cpu : new Param[] {Param.IRQ_CPU, Param.REDIRECT_CPU}) {
            if (p.getInt(cpu) >= cpus) {
                throw new PresetError(later(lineOf, cpu, Param.CPUS), cpu.key() + " is " + p.getInt(cpu)
                        + ", but irq.cpu and redirect.cpu must be below cpus (" + cpus + ")");
            }
        }
        if (p.getInt(Param.POOL_NID) >= p.getInt(Param.NODES)) {
            throw new PresetError(later(lineOf, Param.POOL_NID, Param.NODES), "pool.nid must be -1 or a node below"
                    + " memory.nodes (" + p.getInt(Param.NODES) + ")");
        }
        for (TimedAction a : timeline) {
            if (a.action() instanceof TimedAction.SetParam set) {
                boolean cpu = set.param() == Param.IRQ_CPU || set.param() == Param.REDIRECT_CPU;
                if (cpu && set.value() >= cpus) {
                    throw new PresetError(a.line(), set.param().key() + " must be below cpus (" + cpus + ")");
                }
                if (set.param() == Param.POOL_NID && set.value() >= p.getInt(Param.NODES)) {
                    throw new PresetError(a.line(), "pool.nid must be -1 or a node below memory.nodes");
                }
            }
        }
    }
}
