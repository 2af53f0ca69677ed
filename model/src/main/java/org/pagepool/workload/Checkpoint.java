// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A moment of a guided scenario: the run pauses at a simulated time (or after
 * a number of steps) and shows {@code text}, pointing at a region of the
 * window or a counter. In predict mode it asks {@code question} first and
 * the viewer picks one of {@code choices} before the answer is shown.
 *
 * @param timeNs simulated time to stop at, or -1 when {@code step} says when
 * @param step   steps to stop after, or -1 when {@code timeNs} says when
 * @param target what to look at: a region id (device, allocCache, ptrRing, buddy, sockets) or a counter name
 * @param answer the index of the right choice, -1 without a question
 * @param line   the preset line it came from
 * @param holds  what the text claims, as conditions the model can check at this moment (all must hold)
 */
public record Checkpoint(long timeNs, long step, String target, String text, String question, List<String> choices,
                         int answer, int line, List<Condition> holds) {

    /** The regions a checkpoint may point at (counters are named by their kernel names). */
    public static final List<String> REGIONS = List.of("device", "allocCache", "ptrRing", "buddy", "sockets",
            "charts", "log");

    public Checkpoint {
        choices = List.copyOf(choices);
        holds = List.copyOf(holds);
    }

    /** A checkpoint without conditions. */
    public Checkpoint(long timeNs, long step, String target, String text, String question, List<String> choices,
                      int answer, int line) {
        this(timeNs, step, target, text, question, choices, answer, line, List.of());
    }

    public boolean hasQuestion() {
        return question != null && !choices.isEmpty();
    }

    /** The same checkpoint with a question to ask before the answer. */
    Checkpoint withQuestion(String newQuestion, List<String> newChoices, int newAnswer) {
        return new Checkpoint(timeNs, step, target, text, newQuestion, newChoices, newAnswer, line, holds);
    }

    /** The same checkpoint with one more condition. */
    Checkpoint withCondition(Condition condition) {
        List<Condition> more = new ArrayList<>(holds);
        more.add(condition);
        return new Checkpoint(timeNs, step, target, text, question, choices, answer, line, more);
    }

    /** Whether the run has reached this checkpoint at {@code position} steps and time {@code now}. */
    public boolean reached(long position, long now) {
        return timeNs >= 0 ? now >= timeNs : position >= step;
    }
}
