// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pagepool.nic.NicStats;
import org.pagepool.pool.PoolStatsSnapshot;
import org.pagepool.text.Numbers;
import org.pagepool.text.Tokens;
import org.pagepool.workload.PresetParser.PresetError;

/**
 * A preset's checkpoints as {@link PresetParser} reads them: the
 * {@code checkpoint} lines, in the order they happen, and the {@code ask},
 * {@code choices} and {@code holds} lines that belong to the checkpoint
 * before them.
 */
final class PresetCheckpoints {
    /** The counters a checkpoint may point at, under the names the window shows. */
    static final Set<String> COUNTERS = counters();

    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private String pendingQuestion;
    private int questionLine;
    private Checkpoint lastTimeCheckpoint;
    private Checkpoint lastStepCheckpoint;

    /** The checkpoints read, once the file ends: refused when an {@code ask} still waits for its choices. */
    List<Checkpoint> finish() throws PresetError {
        if (pendingQuestion != null) {
            throw new PresetError(questionLine, "ask needs a choices = ... line after it");
        }
        return checkpoints;
    }

    /** {@code checkpoint 30ms ptrRing: text} or {@code checkpoint step 5000 ring_full: text}. */
    void checkpoint(int n, String line) throws PresetError {
        if (pendingQuestion != null) {
            throw new PresetError(questionLine, "ask needs a choices = ... line after it");
        }
        int colon = line.indexOf(':');
        int hash = line.indexOf('#');
        if (colon < 0 || hash >= 0 && hash < colon) {
            throw new PresetError(n, "expected checkpoint TIME TARGET: text (e.g. checkpoint 30ms ptrRing: ...)");
        }
        String[] head = Tokens.blankStripped(line.substring("checkpoint".length(), colon)).split("[ \t]+");
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
            if (head.length == 1) {
                PresetValues.refuseClockTime(n, head[0], body, "checkpoint 5min buddy: ...");
            }
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

    /** {@code ask = ...}: the last checkpoint's question, its choices to follow. */
    void ask(int n, String question) throws PresetError {
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
    void choices(int n, String value) throws PresetError {
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

    /** {@code holds = ...}: a condition the last checkpoint's text claims. */
    void holds(int n, String value) throws PresetError {
        if (checkpoints.isEmpty()) {
            throw new PresetError(n, "holds belongs to a checkpoint: put it after a checkpoint line");
        }
        int last = checkpoints.size() - 1;
        checkpoints.set(last, checkpoints.get(last).withCondition(ConditionParser.parse(n, value)));
    }

    private static Set<String> counters() {
        Set<String> names = new HashSet<>(PoolStatsSnapshot.NAMES);
        names.addAll(NicStats.NAMES);
        names.addAll(StackStats.NAMES);
        names.addAll(List.of("hold", "release", "inflight", "users"));
        return names;
    }
}
