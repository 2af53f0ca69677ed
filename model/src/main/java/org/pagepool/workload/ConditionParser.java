// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.List;
import org.pagepool.text.Numbers;
import org.pagepool.text.Tokens;

/**
 * Reads a checkpoint's condition ({@code holds = ...}):
 * <pre>
 *   condition  = or
 *   or         = and { "or" and }
 *   and        = not { "and" not }
 *   not        = "not" not | comparison
 *   comparison = sum [ ("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") sum ]
 *   sum        = product { ("+" | "-") product }
 *   product    = unary { "*" unary }
 *   unary      = "-" unary | number | name | "change" "(" name ")" | "(" condition ")"
 * </pre>
 * Numbers are quantities ({@code 40k}, {@code 1.5M}) or times in ns ({@code 200us},
 * {@code 40ms}: to compare with the {@code _ns} parameters); names are {@link StateFields};
 * {@code change(name)} is how much the field grew since the previous checkpoint.
 * A condition as a whole is a test, never a bare number; comparisons do not chain.
 */
final class ConditionParser {
    /** More parts than this is not a condition a reader can check by eye; also keeps evaluation shallow. */
    static final int MAX_TOKENS = 200;
    private static final String KEY = "holds";

    private final int line;
    private final List<String> tokens;
    private int next;

    private ConditionParser(int line, List<String> tokens) {
        this.line = line;
        this.tokens = tokens;
    }

    static Condition parse(int line, String text) throws PresetParser.PresetError {
        if (text.isEmpty()) {
            throw new PresetParser.PresetError(line, "holds needs a condition, e.g. holds = rx_missed > 0");
        }
        ConditionParser p = new ConditionParser(line, tokenize(line, text));
        Object root = p.or();
        if (p.next < p.tokens.size()) {
            String extra = p.tokens.get(p.next);
            throw p.error(isComparison(extra) ? "comparisons do not chain: write a < b and b < c"
                    : Numbers.isTimeUnit(extra) ? "write a time's unit right after its number, e.g. 5ms"
                    : "unexpected " + Tokens.quote(extra) + " after a complete condition");
        }
        if (!(root instanceof Condition.Test test)) {
            throw p.error("a condition compares or tests, it is not a number alone: e.g. inflight == 0");
        }
        return new Condition(text, line, test);
    }

    // ---- tokens ----------------------------------------------------------------------------------------------

    private static List<String> tokenize(int line, String text) throws PresetParser.PresetError {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c >= '0' && c <= '9' || c == '.') {
                i = numberEnd(text, i);
            } else if (isNameStart(c)) {
                while (i < text.length() && isNamePart(text.charAt(i))) {
                    i++;
                }
            } else if (text.startsWith("==", i) || text.startsWith("!=", i) || text.startsWith("<=", i)
                    || text.startsWith(">=", i)) {
                i += 2;
            } else if ("<>+-*()".indexOf(c) >= 0) {
                i++;
            } else if (c == '=') {
                throw new PresetParser.PresetError(line, KEY + ": use == to compare, not =");
            } else if (c == '!') {
                throw new PresetParser.PresetError(line, KEY + ": use != to compare or not to negate, not !");
            } else {
                throw new PresetParser.PresetError(line, KEY + ": unexpected character "
                        + Tokens.quote(String.valueOf(c)) + " at column " + (i + 1) + " of the condition");
            }
            out.add(text.substring(start, i));
            if (out.size() > MAX_TOKENS) {
                throw new PresetParser.PresetError(line, KEY + ": a condition has at most " + MAX_TOKENS
                        + " parts; split it into several holds lines");
            }
        }
        return out;
    }

    /** The end of a number: digits, a fraction, an exponent, a k/M/G, and no letter glued on. */
    private static int numberEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (isNamePart(text.charAt(i)) || text.charAt(i) == 'µ'
                || (text.charAt(i) == '+' || text.charAt(i) == '-') && (text.charAt(i - 1) == 'e'
                || text.charAt(i - 1) == 'E'))) {
            i++;
        }
        return i;
    }

    /** A number written with a time unit ({@code 200us}, {@code 40ms}): a time in ns. */
    private static boolean isTime(String token) {
        int unit = token.length();
        while (unit > 0 && (Character.isLetter(token.charAt(unit - 1)))) {
            unit--;
        }
        return Numbers.isTimeUnit(token.substring(unit));
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9' || c == '.';
    }

    private static boolean isComparison(String token) {
        return switch (token) {
            case "==", "!=", "<", "<=", ">", ">=" -> true;
            default -> false;
        };
    }

    // ---- grammar ---------------------------------------------------------------------------------------------

    private String peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private PresetParser.PresetError error(String message) {
        return new PresetParser.PresetError(line, KEY + ": " + message);
    }

    private Object or() throws PresetParser.PresetError {
        Object left = and();
        while ("or".equals(peek())) {
            next++;
            left = new Condition.Junction(false, test(left, "or"), test(and(), "or"));
        }
        return left;
    }

    private Object and() throws PresetParser.PresetError {
        Object left = not();
        while ("and".equals(peek())) {
            next++;
            left = new Condition.Junction(true, test(left, "and"), test(not(), "and"));
        }
        return left;
    }

    private Object not() throws PresetParser.PresetError {
        if ("not".equals(peek())) {
            next++;
            return new Condition.Not(test(not(), "not"));
        }
        return comparison();
    }

    private Object comparison() throws PresetParser.PresetError {
        Object left = sum();
        String op = peek();
        if (op != null && isComparison(op)) {
            next++;
            return new Condition.Comparison(op, value(left, op), value(sum(), op));
        }
        return left;
    }

    private Object sum() throws PresetParser.PresetError {
        Object left = product();
        while ("+".equals(peek()) || "-".equals(peek())) {
            char op = tokens.get(next++).charAt(0);
            left = new Condition.Arithmetic(op, value(left, String.valueOf(op)), value(product(), String.valueOf(op)));
        }
        return left;
    }

    private Object product() throws PresetParser.PresetError {
        Object left = unary();
        while ("*".equals(peek())) {
            next++;
            left = new Condition.Arithmetic('*', value(left, "*"), value(unary(), "*"));
        }
        return left;
    }

    private Object unary() throws PresetParser.PresetError {
        String token = peek();
        if (token == null) {
            throw error("the condition ends too soon: a number, a name or ( is missing");
        }
        next++;
        if (token.equals("-")) {
            return new Condition.Arithmetic('-', new Condition.Constant(0), value(unary(), "-"));
        }
        if (token.equals("(")) {
            Object inner = or();
            if (!")".equals(peek())) {
                throw error("a ( is not closed");
            }
            next++;
            return inner;
        }
        char first = token.charAt(0);
        if (first >= '0' && first <= '9' || first == '.') {
            try {
                return new Condition.Constant(isTime(token) ? Numbers.timeNs(token) : Numbers.quantity(token, false));
            } catch (Numbers.BadNumber e) {
                throw error(e.getMessage());
            }
        }
        if (token.equals("change") && "(".equals(peek())) {
            next++;
            String name = peek();
            if (name == null || !isNameStart(name.charAt(0))) {
                throw error("change( needs a name, e.g. change(slow)");
            }
            next++;
            if (name.equals("change") && "(".equals(peek())) {
                throw error("change( takes a name, not another change(: e.g. change(slow)");
            }
            Condition.FieldValue field = field(name);
            if (!")".equals(peek())) {
                throw error("change( takes one name and a ), e.g. change(slow)");
            }
            next++;
            return new Condition.Change(field.field());
        }
        if (isNameStart(first)) {
            return field(token);
        }
        throw error("expected a number, a name or ( but found " + Tokens.quote(token));
    }

    private Condition.FieldValue field(String name) throws PresetParser.PresetError {
        if (name.equals("and") || name.equals("or") || name.equals("not")) {
            throw error(Tokens.quote(name) + " needs a condition before it");
        }
        StateFields.Field field = StateFields.byName(name);
        if (field == null) {
            String near = nearest(name);
            throw error("unknown name " + Tokens.quote(name) + (near != null ? " (did you mean " + near + "?)"
                    : " (the README lists the names: counters, state and parameter keys)"));
        }
        return new Condition.FieldValue(field);
    }

    private Condition.Test test(Object node, String op) throws PresetParser.PresetError {
        if (node instanceof Condition.Test t) {
            return t;
        }
        throw error(op + (op.equals("not") ? " needs a comparison after it" : " needs a comparison on each side")
                + ", not a number alone (e.g. inflight == 0)");
    }

    private Condition.Value value(Object node, String op) throws PresetParser.PresetError {
        if (node instanceof Condition.Value v) {
            return v;
        }
        throw error(op + " needs numbers on each side, not a comparison (put comparisons together with and, or)");
    }

    /** The known name closest to a misspelt one (at most two edits away), or null. */
    private static String nearest(String name) {
        if (name.length() > 40) {
            return null;
        }
        String best = null;
        int bestDistance = 3;
        for (StateFields.Field f : StateFields.all()) {
            int d = distance(name, f.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = f.name();
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
