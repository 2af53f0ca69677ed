// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.HashMap;
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
    /** The preset's own settings, not the machine's: they describe or bound the whole run. */
    static final List<String> RUN_KEYS = List.of("title", "summary", "watch", "duration", "seed", "speed");
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
    private final PresetTimeline timeline = new PresetTimeline();
    private final PresetCheckpoints checkpoints = new PresetCheckpoints();
    private final int[] lineOf = new int[Param.values().length];
    private Rss rss = Rss.UNIFORM;
    private IdList rssTable = IdList.NONE;
    private final Map<String, Integer> said = new HashMap<>();

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
        List<Checkpoint> checks = checkpoints.finish();
        if (title == null) {
            throw new PresetError(0, "no title: add a line title = ...");
        }
        params = params.withRss(rss.withTable(rssTable));
        if (lineOf[Param.REDIRECT_CPU.ordinal()] == 0) {
            // the default cpumap CPU (1) does not exist on a machine of one CPU: there it is CPU 0
            params = params.with(Param.REDIRECT_CPU, Math.min(params.get(Param.REDIRECT_CPU),
                    params.getInt(Param.CPUS) - 1));
        }
        new PresetChecks(params, duration, said, lineOf, timeline.events(), checks).all();
        return new Preset(name, title, summary, watch, duration, seed, params, timeline.events(), checks, speed);
    }

    private void line(int n, String raw, int lineCount) throws PresetError {
        checkCharacters(n, raw, lineCount);
        String text = Tokens.blankStripped(raw);
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        if (startsWithWord(text, "at")) {
            timeline.timed(n, uncommented(text));
        } else if (startsWithWord(text, "checkpoint")) {
            checkpoints.checkpoint(n, text);
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
        return Tokens.blankStripped(hash >= 0 ? text.substring(0, hash) : text);
    }

    // ---- settings --------------------------------------------------------------------------------------------

    private void setting(int n, String text) throws PresetError {
        int eq = text.indexOf('=');
        int hash = text.indexOf('#');
        if (eq < 0 || hash >= 0 && hash < eq) {
            throw new PresetError(n, "expected key = value, at TIME: event or checkpoint TIME TARGET: text, found "
                    + Tokens.quote(uncommented(text)));
        }
        String key = Tokens.blankStripped(text.substring(0, eq));
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
            case "ask" -> checkpoints.ask(n, required(n, key, value));
            case "choices" -> checkpoints.choices(n, value);
            case "holds" -> checkpoints.holds(n, value);
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
        duration = PresetValues.time(n, "duration", value, 1, PresetValues.MAX_TIME_NS);
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

    /** The parameter {@code key} names, or an error that lists the settings. */
    static Param param(int line, String key) throws PresetError {
        Param param = Param.byKey(key);
        if (param == null) {
            throw new PresetError(line, "unknown setting " + Tokens.quote(key) + " (settings: "
                    + String.join(", ", RUN_KEYS) + ", " + String.join(", ", Param.keys()) + ", "
                    + String.join(", ", LIST_KEYS)
                    + "; after a checkpoint: ask, choices, holds)");
        }
        return param;
    }

}
