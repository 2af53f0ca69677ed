// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.List;
import org.pagepool.text.Numbers;
import org.pagepool.text.Tokens;
import org.pagepool.workload.PresetParser.PresetError;

/**
 * A preset's timeline as {@link PresetParser} reads it: the {@code at TIME:}
 * lines (a parameter changes, the driver or one queue reloads or unloads, a
 * queue's interrupt moves), in the order they happen.
 */
final class PresetTimeline {
    private final List<TimedAction> timeline = new ArrayList<>();
    private TimedAction lastEvent;

    /** The events read so far, in order. */
    List<TimedAction> events() {
        return timeline;
    }

    /** {@code at TIME: event}, after the events before it. */
    void timed(int n, String text) throws PresetError {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new PresetError(n, "expected at TIME: event (e.g. at 2s: reload)");
        }
        String when = Tokens.blankStripped(text.substring(2, colon));
        String event = Tokens.blankStripped(text.substring(colon + 1));
        PresetValues.refuseClockTime(n, when, event, "at 5min: reload");
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
        String key = Tokens.blankStripped(event.substring(0, eq));
        if (PresetParser.RUN_KEYS.contains(key)) {
            // no moment of the run changes what describes or bounds the whole of it
            throw new PresetError(n, key + " belongs to the whole run, not to a moment of it: set it at the top of"
                    + " the preset");
        }
        if (PresetParser.LIST_KEYS.contains(key)) {
            // the lists build the machine (its IRQs, its RSS, its cpumap): only the top of the preset sets them
            throw new PresetError(n, key + " cannot change during a run (it needs a reset): set it at the top of the"
                    + " preset");
        }
        Param param = PresetParser.param(n, key);
        if (param.scope() == Param.Scope.RESET) {
            throw new PresetError(n, param.key() + " cannot change during a run (it needs a reset): set it at the"
                    + " top of the preset");
        }
        String value = Tokens.blankStripped(event.substring(eq + 1));
        return new TimedAction.SetParam(param, PresetValues.value(n, param, value));
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
}
