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
        double speed = 1e-4;
        WorkloadParams params = WorkloadParams.defaults();
        List<TimedAction> timeline = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        String pendingQuestion = null;
        int questionLine = 0;
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
            if (text.startsWith("checkpoint ") || text.startsWith("checkpoint\t")) {
                if (pendingQuestion != null) {
                    throw new PresetError(questionLine, "ask needs a choices = ... line after it");
                }
                Checkpoint c = checkpoint(n, text);
                Checkpoint later = laterOfSameKind(checkpoints, c);
                if (later != null) {
                    throw new PresetError(n, "checkpoints come in the order they happen: this one is before the one"
                            + " on line " + later.line());
                }
                checkpoints.add(c);
                continue;
            }
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new PresetError(n, "expected key = value or at TIME: event, found \"" + text + "\"");
            }
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1).strip();
            if ((key.equals("title") || key.equals("duration") || key.equals("seed") || key.equals("speed"))
                    && !said.add(key)) {
                throw new PresetError(n, key + " is set twice");
            }
            switch (key) {
                case "ask":
                    if (checkpoints.isEmpty()) {
                        throw new PresetError(n, "ask belongs to a checkpoint: put it after a checkpoint line");
                    }
                    pendingQuestion = required(n, key, value);
                    questionLine = n;
                    break;
                case "choices": {
                    if (pendingQuestion == null) {
                        throw new PresetError(n, "choices need an ask = ... line before them");
                    }
                    int last = checkpoints.size() - 1;
                    checkpoints.set(last, choices(n, value, checkpoints.get(last), pendingQuestion));
                    pendingQuestion = null;
                    break;
                }
                case "title":
                    title = required(n, key, value);
                    break;
                case "speed":
                    speed = value.equals("max") ? Double.POSITIVE_INFINITY : number(n, key, value);
                    if (!(speed > 0)) {
                        throw new PresetError(n, "speed is a factor of real time above 0 (e.g. 1e-3), or max");
                    }
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
        if (pendingQuestion != null) {
            throw new PresetError(questionLine, "ask needs a choices = ... line after it");
        }
        if (title == null) {
            throw new PresetError(0, "no title: add a line title = ...");
        }
        check(params, timeline, lineOf);
        timeline.sort(Comparator.comparingLong(TimedAction::timeNs)); // stable: same-time events keep their order
        return new Preset(name, title, summary, watch, duration, seed, params, timeline, checkpoints, speed);
    }

    private static String required(int line, String key, String value) throws PresetError {
        if (value.isEmpty()) {
            throw new PresetError(line, key + " needs a value");
        }
        return value;
    }

    /** An earlier-listed checkpoint of the same kind (time or step) that comes after {@code c}, or null. */
    private static Checkpoint laterOfSameKind(List<Checkpoint> listed, Checkpoint c) {
        for (Checkpoint earlier : listed) {
            boolean after = c.timeNs() >= 0 ? earlier.timeNs() > c.timeNs() : earlier.step() > c.step();
            if (after) {
                return earlier;
            }
        }
        return null;
    }

    /** {@code checkpoint 30ms ptrRing: text} or {@code checkpoint step 5000 ring_full: text}. */
    private static Checkpoint checkpoint(int line, String text) throws PresetError {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new PresetError(line, "expected checkpoint TIME TARGET: text (e.g. checkpoint 30ms ptrRing: ...)");
        }
        String[] head = text.substring("checkpoint".length(), colon).strip().split("[ \t]+");
        String body = text.substring(colon + 1).strip();
        if (body.isEmpty()) {
            throw new PresetError(line, "a checkpoint needs a text after the colon");
        }
        long time = -1;
        long step = -1;
        int next;
        if (head.length >= 1 && head[0].equals("step")) {
            if (head.length < 2) {
                throw new PresetError(line, "checkpoint step needs a number of steps");
            }
            double steps = number(line, "checkpoint step", head[1]);
            if (steps < 1 || steps != Math.rint(steps)) {
                throw new PresetError(line, "checkpoint step needs a whole number above 0, not " + head[1]);
            }
            step = (long) steps;
            next = 2;
        } else if (head.length >= 1 && !head[0].isEmpty()) {
            time = time(line, "checkpoint", head[0]);
            next = 1;
        } else {
            throw new PresetError(line, "a checkpoint needs a time (30ms) or a step (step 5000)");
        }
        if (head.length != next + 1) {
            throw new PresetError(line, "a checkpoint names one thing to look at after its time: a region ("
                    + String.join(", ", Checkpoint.REGIONS) + ") or a counter");
        }
        String target = head[next];
        if (!Checkpoint.REGIONS.contains(target) && !COUNTERS.contains(target)) {
            throw new PresetError(line, "unknown region or counter \"" + target + "\" (regions: "
                    + String.join(", ", Checkpoint.REGIONS) + "; or a counter such as ring_full)");
        }
        return new Checkpoint(time, step, target, body, null, List.of(), -1, line);
    }

    /** The counters a checkpoint may point at, under the names the window shows. */
    static final java.util.Set<String> COUNTERS = counters();

    private static java.util.Set<String> counters() {
        java.util.Set<String> names = new java.util.HashSet<>(org.pagepool.pool.PoolStatsSnapshot.NAMES);
        names.addAll(org.pagepool.nic.NicStats.NAMES);
        names.addAll(StackStats.NAMES);
        names.addAll(List.of("hold", "release", "inflight", "users"));
        return names;
    }

    /** {@code A | *B | C}: the starred one is right. */
    private static Checkpoint choices(int line, String value, Checkpoint c, String question) throws PresetError {
        List<String> choices = new ArrayList<>();
        int answer = -1;
        for (String raw : value.split("\\|")) {
            String choice = raw.strip();
            if (choice.startsWith("*")) {
                if (answer >= 0) {
                    throw new PresetError(line, "only one choice may be starred as the answer");
                }
                answer = choices.size();
                choice = choice.substring(1).strip();
            }
            if (choice.isEmpty()) {
                throw new PresetError(line, "a choice is empty (choices are separated by |)");
            }
            choices.add(choice);
        }
        if (choices.size() < 2) {
            throw new PresetError(line, "choices need at least two answers, separated by |");
        }
        if (answer < 0) {
            throw new PresetError(line, "star the right choice, e.g. choices = the cache | *the ring");
        }
        return c.withQuestion(question, choices, answer);
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
