// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import org.pagepool.text.Tokens;

/**
 * One-line messages for command-line mistakes, prefixed with the verb:
 * {@code workload: --seconds is given twice: give it once}. Public for the
 * app's command line, which reports its mistakes the same way.
 */
public final class UsageErrors {
    private UsageErrors() {
    }

    /** The message for a picocli parse error, without the {@code error: } prefix. */
    public static String message(ParameterException e) {
        CommandLine where = e.getCommandLine();
        boolean top = where.getParent() == null;
        String verb = top ? "" : where.getCommandName() + ": ";
        return verb + text(e, top);
    }

    private static String text(ParameterException e, boolean top) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            return unmatched(u, top);
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return name(o.getOverwritten()) + " is given twice: give it once";
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            // picocli checks required options before it reports the unknown ones: a misspelt --preset is the news
            CommandLine.ParseResult parsed = m.getCommandLine().getParseResult();
            List<String> unknown = parsed == null ? List.of() : parsed.unmatched();
            if (!unknown.isEmpty() && unknown.get(0).startsWith("-")) {
                return unmatched(new CommandLine.UnmatchedArgumentException(m.getCommandLine(), unknown), top);
            }
            return missing(m);
        }
        if (e.getCause() instanceof CommandLine.TypeConversionException t && e.getArgSpec() != null) {
            return name(e.getArgSpec()) + ": " + t.getMessage();
        }
        String text = e.getMessage();
        if (text.startsWith("Unknown subcommand") && e.getValue() != null) { // help VERB
            List<String> like = verbsLike(top ? where(e) : where(e).getParent(), e.getValue());
            return "unknown command " + Tokens.quote(e.getValue())
                    + (like.isEmpty() ? " (try --help)" : " (did you mean " + String.join(" or ", like) + "?)");
        }
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static CommandLine where(ParameterException e) {
        return e.getCommandLine();
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException u, boolean top) {
        List<String> args = u.getUnmatched();
        String first = args.isEmpty() ? "" : args.get(0);
        List<String> suggestions = top && !first.startsWith("-") ? verbsLike(u.getCommandLine(), first)
                : u.getSuggestions();
        String hint = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
        if (top && !first.startsWith("-") && !u.getCommandLine().getSubcommands().isEmpty()) {
            return "unknown command " + Tokens.quote(first) + (hint.isEmpty() ? " (try --help)" : hint);
        }
        if (u.isUnknownOption() || first.startsWith("-")) {
            return "unknown option " + Tokens.quote(first) + (hint.isEmpty() ? " (try --help)" : hint);
        }
        return "unexpected argument " + Tokens.quote(first) + " (try --help)";
    }

    private static String missing(CommandLine.MissingParameterException m) {
        List<ArgSpec> missing = m.getMissing();
        if (missing.isEmpty()) {
            return m.getMessage();
        }
        ArgSpec spec = missing.get(0);
        if (m.getMessage().startsWith("Missing required parameter for option")
                || m.getMessage().startsWith("Expected parameter for option")) {
            return name(spec) + " needs a value (" + name(spec) + " " + spec.paramLabel() + ")";
        }
        if (spec.isOption()) {
            return "needs " + name(spec) + " " + spec.paramLabel();
        }
        String verb = m.getCommandLine().getCommandName();
        return "needs " + spec.paramLabel() + " (" + verb + " " + spec.paramLabel() + ")";
    }

    /** The verbs a misspelt one may have meant: at most two edits away. */
    private static List<String> verbsLike(CommandLine top, String word) {
        return top.getSubcommands().keySet().stream().filter(v -> edits(v, word) <= 2).sorted().toList();
    }

    /** Levenshtein distance (short words only: the verbs). */
    static int edits(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }
}
