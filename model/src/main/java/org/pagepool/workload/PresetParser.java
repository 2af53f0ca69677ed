// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pagepool.text.Numbers;
import org.pagepool.text.Tokens;

/**
 * Reads workload presets. One setting a line:
 * <pre>
 * title = XDP_DROP steady state
 * summary = Every packet is dropped by XDP and its page recycled into the cache.
 * watch = fast grows with every packet; the cache stays near full.
 * duration = 2s
 * seed = 1
 * traffic.rate = 10M          # a parameter (see {@link Param})
 * at 500ms: irq.cpu = 2       # a timeline event: a parameter changes
 * at 1s: reload               # or the driver reloads / unloads
 * at 2s: reload queue=2       # one queue reloads (its pool recreated)
 * at 3s: irq queue=3 cpu=9    # one queue's interrupt moves
 * checkpoint 1s ptrRing: What the viewer should see now.
 * holds = ring > 0 and ring_full == 0    # what the text claims, checked by the tests
 * ask = A question for predict mode?
 * choices = one answer | *the right answer | another
 * </pre>
 *
 * <p><b>Comments.</b> A line whose first non-blank character is {@code #} is a
 * comment. In the text settings ({@code title}, {@code summary}, {@code watch},
 * {@code ask}, {@code choices}) and in a checkpoint after its colon the text
 * runs to the end of the line: a {@code #} there is part of the text. Anywhere
 * else a {@code #} starts a comment that runs to the end of the line.
 *
 * <p><b>Values</b> ({@link Numbers}): numbers are written like 12, 0.5 or 2e6;
 * counts and rates may end in k, M or G (thousand, million, billion; a rate
 * also in pps); shares may be written as 30%; switches as on or off. Every
 * time carries its unit: ns, us (or µs), ms, s or min, keys ending in
 * {@code _ns} included (the suffix names the model's resolution).
 *
 * <p><b>Order and consistency.</b> Events come in the order they happen
 * (events at the same time keep the file's order), and so do checkpoints,
 * time checkpoints among themselves and step checkpoints among themselves.
 * Events and time checkpoints lie before the end of the run ({@code duration},
 * 1s unless set). At every moment at least one XDP verdict has a weight above
 * 0. An {@code unload} needs a loaded driver: after one, a {@code reload}
 * loads it again. A checkpoint asks at most one question, each {@code ask}
 * followed by its {@code choices}.
 *
 * <p><b>Conditions.</b> {@code holds} lines after a checkpoint state what its
 * text claims as conditions over {@link StateFields} ({@link ConditionParser}):
 * comparisons, {@code and}, {@code or}, {@code not}, parentheses, + - * and
 * numbers with k, M or G. Every one must hold when the run reaches the
 * checkpoint; a test plays every shipped preset over several seeds to check.
 *
 * <p>Errors carry the line number (0 when the problem is the whole file).
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

    /** Settings whose value is text that runs to the end of the line, {@code #} included. */
    private static final Set<String> TEXT_KEYS = Set.of("title", "summary", "watch", "ask", "choices");
    /** Settings that may be given once. */
    private static final Set<String> ONCE = Set.of("title", "duration", "seed", "speed", "irq.cpus", "rss",
            "rss.table", "redirect.cpus");
    /** Settings that are lists or words rather than numbers (not {@link Param}s). */
    static final List<String> LIST_KEYS = List.of("irq.cpus", "rss", "rss.table", "redirect.cpus");
    private static final long DEFAULT_DURATION_NS = 1_000_000_000L;

    private final String name;
    private String title;
    private final List<String> summary = new ArrayList<>();
    private final List<String> watch = new ArrayList<>();
    private long duration = DEFAULT_DURATION_NS;
    private long seed = 1;
    private double speed = 1e-4;
    private WorkloadParams params = WorkloadParams.defaults();
    private final List<TimedAction> timeline = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private String pendingQuestion;
    private int questionLine;
    private final int[] lineOf = new int[Param.values().length];
    private Rss rss = Rss.UNIFORM;
    private IdList rssTable = IdList.NONE;
    private final Map<String, Integer> said = new HashMap<>();
    private TimedAction lastEvent;
    private Checkpoint lastTimeCheckpoint;
    private Checkpoint lastStepCheckpoint;

    private PresetParser(String name) {
        this.name = name;
    }

    public static Preset parse(String name, List<String> lines) throws PresetError {
        return new PresetParser(name).read(lines);
    }

    private Preset read(List<String> lines) throws PresetError {
        for (int i = 0; i < lines.size(); i++) {
            line(i + 1, lines.get(i), lines.size());
        }
        if (pendingQuestion != null) {
            throw new PresetError(questionLine, "ask needs a choices = ... line after it");
        }
        if (title == null) {
            throw new PresetError(0, "no title: add a line title = ...");
        }
        params = params.withRss(rss.withTable(rssTable));
        checkCrossSettings();
        checkWithinDuration();
        checkTimeline();
        return new Preset(name, title, summary, watch, duration, seed, params, timeline, checkpoints, speed);
    }

    private void line(int n, String raw, int lineCount) throws PresetError {
        checkCharacters(n, raw, lineCount);
        String text = raw.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        if (startsWithWord(text, "at")) {
            timed(n, uncommented(text));
        } else if (startsWithWord(text, "checkpoint")) {
            checkpoint(n, text);
        } else {
            setting(n, text);
        }
    }

    /** Line breaks other than LF and CR LF, and control characters, are refused before they reach a message. */
    private static void checkCharacters(int n, String raw, int lineCount) throws PresetError {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                throw new PresetError(n, lineCount == 1 && i < raw.length() - 1
                        ? "the lines of this file end with CR alone (\\r, old Mac line endings): save it with LF"
                                + " or CR LF line endings"
                        : "a CR (\\r) inside the line, at column " + (i + 1) + ": lines end with LF or CR LF");
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new PresetError(n, "control character " + Tokens.escape(c) + " at column " + (i + 1)
                        + ": a preset is plain text");
            }
        }
    }

    private static boolean startsWithWord(String text, String word) {
        return text.startsWith(word) && text.length() > word.length()
                && (text.charAt(word.length()) == ' ' || text.charAt(word.length()) == '\t');
    }

    /** The text before a {@code #}, without blanks around it. */
    private static String uncommented(String text) {
        int hash = text.indexOf('#');
        return (hash >= 0 ? text.substring(0, hash) : text).strip();
    }

    // ---- settings --------------------------------------------------------------------------------------------

    private void setting(int n, String text) throws PresetError {
        int eq = text.indexOf('=');
        int hash = text.indexOf('#');
        if (eq < 0 || hash >= 0 && hash < eq) {
            throw new PresetError(n, "expected key = value, at TIME: event or checkpoint TIME TARGET: text, found "
                    + Tokens.quote(uncommented(text)));
        }
        String key = text.substring(0, eq).strip();
        String rest = text.substring(eq + 1);
        String value = TEXT_KEYS.contains(key) ? rest.strip() : uncommented(rest);
        if (ONCE.contains(key)) {
            Integer first = said.putIfAbsent(key, n);
            if (first != null) {
                throw new PresetError(n, key + " is set twice (first on line " + first + ")");
            }
        }
        switch (key) {
            case "title" -> title = required(n, key, value);
            case "summary" -> summary.add(required(n, key, value));
            case "watch" -> watch.add(required(n, key, value));
            case "ask" -> ask(n, required(n, key, value));
            case "choices" -> choices(n, value);
            case "holds" -> holds(n, value);
            case "speed" -> speed = PresetValues.speed(n, value);
            case "duration" -> duration(n, value);
            case "seed" -> seed = PresetValues.seed(n, value);
            case "irq.cpus" -> params = params.withIrqCpus(idList(n, key, value, Param.CPUS.max() - 1));
            case "redirect.cpus" -> params = params.withRedirectCpus(idList(n, key, value, Param.CPUS.max() - 1));
            case "rss" -> rss = spread(n, value);
            case "rss.table" -> rssTable = table(n, value);
            default -> parameter(n, key, value);
        }
    }

    private static String required(int line, String key, String value) throws PresetError {
        if (value.isEmpty()) {
            throw new PresetError(line, key + " needs a value");
        }
        return value;
    }

    private void duration(int n, String value) throws PresetError {
        duration = PresetValues.time(n, "duration", value);
        if (duration <= 0) {
            throw new PresetError(n, "duration must be more than 0 (allowed 1ns.."
                    + Numbers.formatTime(PresetValues.MAX_TIME_NS) + ")");
        }
    }

    private static Rss spread(int n, String value) throws PresetError {
        try {
            return Rss.parse(value);
        } catch (IllegalArgumentException e) {
            throw new PresetError(n, "rss: " + e.getMessage());
        }
    }

    private static IdList table(int n, String value) throws PresetError {
        IdList table = idList(n, "rss.table", value, Param.QUEUES.max() - 1);
        if (table.size() > Rss.TABLE_SIZE) {
            throw new PresetError(n, "rss.table has " + table.size() + " entries, the indirection table "
                    + Rss.TABLE_SIZE + " (a shorter list repeats to fill it)");
        }
        return table;
    }

    private static IdList idList(int n, String key, String value, double max) throws PresetError {
        try {
            return IdList.parse(value, (int) max);
        } catch (IllegalArgumentException e) {
            throw new PresetError(n, key + ": " + e.getMessage());
        }
    }

    private void parameter(int n, String key, String value) throws PresetError {
        Param param = param(n, key);
        if (lineOf[param.ordinal()] != 0) {
            throw new PresetError(n, key + " is set twice (first on line " + lineOf[param.ordinal()] + ")");
        }
        lineOf[param.ordinal()] = n;
        params = params.with(param, PresetValues.value(n, param, value));
    }

    private static Param param(int line, String key) throws PresetError {
        Param param = Param.byKey(key);
        if (param == null) {
            throw new PresetError(line, "unknown setting " + Tokens.quote(key) + " (settings: title, summary, watch,"
                    + " duration, seed, speed, " + String.join(", ", Param.keys()) + ", " + String.join(", ", LIST_KEYS)
                    + "; after a checkpoint: ask, choices, holds)");
        }
        return param;
    }

    // ---- questions -------------------------------------------------------------------------------------------

    private void ask(int n, String question) throws PresetError {
        if (checkpoints.isEmpty()) {
            throw new PresetError(n, "ask belongs to a checkpoint: put it after a checkpoint line");
        }
        if (pendingQuestion != null) {
            throw new PresetError(n, "the ask on line " + questionLine + " has no choices yet: follow each ask with"
                    + " its choices = ... line");
        }
        Checkpoint c = checkpoints.get(checkpoints.size() - 1);
        if (c.hasQuestion()) {
            throw new PresetError(n, "the checkpoint on line " + c.line() + " already asks a question: one question"
                    + " per checkpoint");
        }
        pendingQuestion = question;
        questionLine = n;
    }

    /** {@code A | *B | C}: the starred one is right. */
    private void choices(int n, String value) throws PresetError {
        if (pendingQuestion == null) {
            throw new PresetError(n, "choices need an ask = ... line before them");
        }
        List<String> choices = new ArrayList<>();
        int answer = -1;
        for (String raw : value.split("\\|", -1)) {
            String choice = raw.strip();
            if (choice.startsWith("*")) {
                if (answer >= 0) {
                    throw new PresetError(n, "only one choice may be starred as the answer");
                }
                answer = choices.size();
                choice = choice.substring(1).strip();
            }
            if (choice.isEmpty()) {
                throw new PresetError(n, "a choice is empty (choices are separated by |)");
            }
            choices.add(choice);
        }
        if (choices.size() < 2) {
            throw new PresetError(n, "choices need at least two answers, separated by |");
        }
        if (answer < 0) {
            throw new PresetError(n, "star the right choice, e.g. choices = the cache | *the ring");
        }
        int last = checkpoints.size() - 1;
        checkpoints.set(last, checkpoints.get(last).withQuestion(pendingQuestion, choices, answer));
        pendingQuestion = null;
    }

    // ---- conditions ------------------------------------------------------------------------------------------

    private void holds(int n, String value) throws PresetError {
        if (checkpoints.isEmpty()) {
            throw new PresetError(n, "holds belongs to a checkpoint: put it after a checkpoint line");
        }
        int last = checkpoints.size() - 1;
        checkpoints.set(last, checkpoints.get(last).withCondition(ConditionParser.parse(n, value)));
    }

    // ---- checkpoints -----------------------------------------------------------------------------------------

    /** {@code checkpoint 30ms ptrRing: text} or {@code checkpoint step 5000 ring_full: text}. */
    private void checkpoint(int n, String line) throws PresetError {
        if (pendingQuestion != null) {
            throw new PresetError(questionLine, "ask needs a choices = ... line after it");
        }
        int colon = line.indexOf(':');
        int hash = line.indexOf('#');
        if (colon < 0 || hash >= 0 && hash < colon) {
            throw new PresetError(n, "expected checkpoint TIME TARGET: text (e.g. checkpoint 30ms ptrRing: ...)");
        }
        String[] head = line.substring("checkpoint".length(), colon).strip().split("[ \t]+");
        String body = line.substring(colon + 1).strip();
        if (body.isEmpty()) {
            throw new PresetError(n, "a checkpoint needs a text after the colon");
        }
        long time = -1;
        long step = -1;
        int next;
        if (head[0].equals("step")) {
            if (head.length < 2) {
                throw new PresetError(n, "checkpoint step needs a number of steps");
            }
            step = PresetValues.step(n, head[1]);
            next = 2;
        } else if (!head[0].isEmpty()) {
            boolean spacedUnit = head.length > 2 && Numbers.isTimeUnit(head[1]);
            time = PresetValues.time(n, "checkpoint", spacedUnit ? head[0] + head[1] : head[0]);
            next = spacedUnit ? 2 : 1;
        } else {
            throw new PresetError(n, "a checkpoint needs a time (30ms) or a step (step 5000)");
        }
        if (head.length != next + 1) {
            throw new PresetError(n, "a checkpoint names one thing to look at after its time: a region ("
                    + String.join(", ", Checkpoint.REGIONS) + ") or a counter");
        }
        String target = head[next];
        if (!Checkpoint.REGIONS.contains(target) && !COUNTERS.contains(target)) {
            throw new PresetError(n, "unknown region or counter " + Tokens.quote(target) + " (regions: "
                    + String.join(", ", Checkpoint.REGIONS) + "; or a counter such as ring_full)");
        }
        Checkpoint c = new Checkpoint(time, step, target, body, null, List.of(), -1, n);
        Checkpoint before = time >= 0 ? lastTimeCheckpoint : lastStepCheckpoint;
        if (before != null && (time >= 0 ? before.timeNs() > time : before.step() > step)) {
            throw new PresetError(n, "checkpoints come in the order they happen: this one is before the one on line "
                    + before.line());
        }
        if (time >= 0) {
            lastTimeCheckpoint = c;
        } else {
            lastStepCheckpoint = c;
        }
        checkpoints.add(c);
    }

    /** The counters a checkpoint may point at, under the names the window shows. */
    static final Set<String> COUNTERS = counters();

    private static Set<String> counters() {
        Set<String> names = new HashSet<>(org.pagepool.pool.PoolStatsSnapshot.NAMES);
        names.addAll(org.pagepool.nic.NicStats.NAMES);
        names.addAll(StackStats.NAMES);
        names.addAll(List.of("hold", "release", "inflight", "users"));
        return names;
    }

    // ---- the timeline ----------------------------------------------------------------------------------------

    private void timed(int n, String text) throws PresetError {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new PresetError(n, "expected at TIME: event (e.g. at 2s: reload)");
        }
        String when = text.substring(2, colon).strip();
        String event = text.substring(colon + 1).strip();
        if (!when.isEmpty() && when.chars().allMatch(Character::isDigit) && !event.isEmpty()
                && Character.isDigit(event.charAt(0))) {
            String clock = when + ":" + event.split("[ \t:]", 2)[0];
            throw new PresetError(n, "not a time: " + Tokens.quote(clock) + " (a time is a number and a unit: "
                    + Numbers.UNIT_NAMES + ", e.g. at 5min: reload)");
        }
        long time = PresetValues.time(n, "at", when);
        TimedAction action = new TimedAction(time, n, action(n, event));
        if (lastEvent != null && lastEvent.timeNs() > time) {
            throw new PresetError(n, "events come in the order they happen: this one (at "
                    + Numbers.formatTime(time) + ") is before the one on line " + lastEvent.line() + " (at "
                    + Numbers.formatTime(lastEvent.timeNs()) + ")");
        }
        lastEvent = action;
        timeline.add(action);
    }

    private static TimedAction.Action action(int n, String event) throws PresetError {
        if (event.equals("reload")) {
            return new TimedAction.Reload();
        }
        if (event.equals("unload")) {
            return new TimedAction.Unload();
        }
        String[] words = event.split("[ \t]+");
        if (words[0].equals("reload")) {
            int[] queue = arguments(n, words, "reload queue=N", "queue");
            return new TimedAction.Reload(queue[0]);
        }
        if (words[0].equals("irq")) {
            int[] move = arguments(n, words, "irq queue=Q cpu=C", "queue", "cpu");
            return new TimedAction.IrqMove(move[0], move[1]);
        }
        int eq = event.indexOf('=');
        if (eq < 0 || words[0].length() < eq && words.length > 1 && words[1].indexOf('=') > 0) {
            // no key = value, or two words before a key=value (a misspelt reload queue=N)
            throw new PresetError(n, "unknown event " + Tokens.quote(event) + " (reload, reload queue=N, unload,"
                    + " irq queue=Q cpu=C, or key = value)");
        }
        Param param = param(n, event.substring(0, eq).strip());
        if (param.scope() == Param.Scope.RESET) {
            throw new PresetError(n, param.key() + " cannot change during a run (it needs a reset): set it at the"
                    + " top of the preset");
        }
        return new TimedAction.SetParam(param, PresetValues.value(n, param, event.substring(eq + 1).strip()));
    }

    /** The {@code key=N} words after an event's first word, exactly the keys given, in their order. */
    private static int[] arguments(int n, String[] words, String form, String... keys) throws PresetError {
        if (words.length != keys.length + 1) {
            throw new PresetError(n, "expected " + form);
        }
        int[] values = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            String word = words[i + 1];
            String prefix = keys[i] + "=";
            String digits = word.startsWith(prefix) ? word.substring(prefix.length()) : "";
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new PresetError(n, "expected " + form + ", found " + Tokens.quote(word));
            }
            values[i] = Integer.parseInt(digits);
        }
        return values;
    }

    // ---- checks across lines ---------------------------------------------------------------------------------

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
