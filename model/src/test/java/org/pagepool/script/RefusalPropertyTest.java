// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where the kernel would corrupt memory or a script asks for what cannot be,
 * the model refuses and leaves its state as it was: every line after a
 * refused one prints what it prints when the refused line is not there at
 * all. Random scripts of every command, many of them refused (pages never
 * issued or already given back, slots without a pool, nodes that do not
 * exist, memory after a create), run line by line past their refusals, as
 * the window steps through them.
 */
class RefusalPropertyTest {
    private static final int LINES = 40;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRefusedLineLeavesTheRestOfTheScriptAsIfItWereNotThere(long seed) throws Exception {
        List<String> script = randomScript(new Random(seed));
        List<String> printed = run(script);
        for (int k = 0; k < script.size(); k++) {
            if (!printed.get(k).startsWith("refused")) {
                continue;
            }
            List<String> without = new ArrayList<>(script);
            without.set(k, ""); // blank: the lines keep their numbers
            List<String> rest = run(without).subList(k + 1, script.size());
            assertThat(rest).as("seed %d: line %d refused (%s); the script:%n%s", seed, k + 1, printed.get(k),
                    String.join("\n", script)).isEqualTo(printed.subList(k + 1, script.size()));
        }
    }

    /** What each line printed (its kernel messages, then its trace line or its refusal), by line. */
    private static List<String> run(List<String> lines) throws ScriptSyntaxError {
        Script script = ScriptParser.parse("t.pool", lines);
        ScriptRunner runner = new ScriptRunner(script);
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            printed.add("");
        }
        for (Command command : script.commands()) {
            StepResult step = runner.run(command);
            StringBuilder out = new StringBuilder();
            for (String message : step.kernelMessages()) {
                out.append("! ").append(message).append('\n');
            }
            switch (step.outcome()) {
                case OK -> out.insert(0, "").append(step.traceLine());
                case ERROR -> out.insert(0, "refused: " + step.error() + "\n");
                default -> out.append("expect: ").append(step.error());
            }
            printed.set(command.line() - 1, out.toString());
        }
        return printed;
    }

    private static List<String> randomScript(Random r) {
        List<String> lines = new ArrayList<>();
        if (r.nextInt(4) > 0) {
            lines.add(r.nextBoolean() ? "memory pages=" + (64 << r.nextInt(4))
                    : "memory nodes=2 pages=" + (64 << r.nextInt(3)) + "," + (64 << r.nextInt(3)));
        }
        while (lines.size() < LINES) {
            lines.add(randomLine(r));
        }
        return lines;
    }

    private static String randomLine(Random r) {
        String page = "p=" + (r.nextInt(5) == 0 ? "p" : "") + (1 + r.nextInt(70));
        return switch (r.nextInt(22)) {
            case 0, 1 -> "create size=" + (4 << r.nextInt(5)) + (r.nextBoolean() ? "" : " nid=" + r.nextInt(3))
                    + (r.nextInt(4) == 0 ? " order=" + r.nextInt(3) : "") + (r.nextBoolean() ? " flags=DMA_MAP" : "");
            case 2, 3, 4 -> "alloc n=" + (1 + r.nextInt(r.nextBoolean() ? 4 : 70));
            case 5, 6 -> "put " + page + (r.nextBoolean() ? " direct=1" : "");
            case 7, 8 -> "recycle " + page;
            case 9 -> "drop " + page;
            case 10 -> "get " + page;
            case 11 -> "release " + page;
            case 12 -> "put_bulk p=" + (1 + r.nextInt(70)) + "," + (1 + r.nextInt(70)) + "," + (1 + r.nextInt(70));
            case 13 -> "destroy";
            case 14 -> "pool " + (1 + r.nextInt(3));
            case 15 -> "tick ms=" + (r.nextBoolean() ? 1 + r.nextInt(100) : 1000 * (1 + r.nextInt(70)));
            case 16 -> "softirq " + (r.nextBoolean() ? "on" : "off");
            case 17 -> "cpu node=" + r.nextInt(3);
            case 18 -> "memory pages=" + (64 << r.nextInt(3));
            case 19 -> "update_nid nid=" + r.nextInt(3);
            case 20 -> "skb_free " + page;
            default -> r.nextBoolean() ? "stats" : "buddy";
        };
    }
}
