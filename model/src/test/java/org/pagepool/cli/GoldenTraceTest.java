// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden script exactly as golden/README.md says (bare file name,
 * the script's folder as the place it is found) and compares standard output
 * byte for byte, the exit status, and the prefix of the first stderr line.
 */
class GoldenTraceTest {
    private static final int MINIMUM_SCRIPTS = 33;

    /** The copy of the golden folder on the test classpath. */
    static Path goldenDir() {
        URL url = GoldenTraceTest.class.getResource("/golden/README.md");
        assertThat(url).as("golden/README.md on the test classpath").isNotNull();
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static List<Path> goldenScripts() throws IOException {
        try (Stream<Path> files = Files.list(goldenDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pool")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void everyGoldenScriptHasATraceAndThereAreEnoughOfThem() throws IOException {
        List<Path> scripts = goldenScripts();
        assertThat(scripts).as("golden *.pool scripts").hasSizeGreaterThanOrEqualTo(MINIMUM_SCRIPTS);
        for (Path script : scripts) {
            assertThat(sibling(script, ".trace")).as("trace of " + script.getFileName()).isRegularFile();
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenTraces() throws IOException {
        List<Path> scripts = goldenScripts();
        assertThat(scripts).as("golden *.pool scripts").hasSizeGreaterThanOrEqualTo(MINIMUM_SCRIPTS);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(),
                script.toUri(), () -> checkGolden(script)));
    }

    private static void checkGolden(Path script) throws IOException {
        String name = script.getFileName().toString();
        byte[] expectedOut = Files.readAllBytes(sibling(script, ".trace"));
        Path exitFile = sibling(script, ".expect-exit");
        int expectedExit = Files.exists(exitFile)
                ? Integer.parseInt(Files.readString(exitFile, StandardCharsets.UTF_8).strip()) : 0;
        Path stderrFile = sibling(script, ".expect-stderr");

        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            exit = RunCommand.run(script, name, out, err);
        }
        byte[] actualOut = outBytes.toByteArray();
        String actualErr = errBytes.toString(StandardCharsets.UTF_8);

        if (!Arrays.equals(expectedOut, actualOut)) {
            fail(name + ": stdout differs from " + name.replace(".pool", ".trace") + "\n"
                    + firstDifference(new String(expectedOut, StandardCharsets.UTF_8),
                    new String(actualOut, StandardCharsets.UTF_8)) + "\nstderr was: " + actualErr);
        }
        assertThat(exit).as(name + ": exit status (stderr: " + actualErr + ")").isEqualTo(expectedExit);
        if (Files.exists(stderrFile)) {
            // may quote a byte that is not UTF-8 (err-13): only the prefix, which is ASCII, counts
            String expectedFirst = firstLine(new String(Files.readAllBytes(stderrFile), StandardCharsets.UTF_8));
            String prefix = prefixThroughLineNumber(expectedFirst);
            assertThat(firstLine(actualErr)).as(name + ": first line of stderr").startsWith(prefix);
        }
    }

    /** {@code error: FILE:LINE:} or {@code expect failed: FILE:LINE:} of an expected stderr line. */
    static String prefixThroughLineNumber(String line) {
        Matcher m = Pattern
                .compile("^((?:error|expect failed): [^:]+:[0-9]+:)").matcher(line);
        if (!m.find()) {
            throw new AssertionError("expected stderr line has no FILE:LINE: prefix: " + line);
        }
        return m.group(1);
    }

    @Test
    void prefixExtractionKeepsTheColonAfterTheLineNumber() {
        assertThat(prefixThroughLineNumber("error: a.pool:7: value out of range for direct: 2 (allowed 0..1)"))
                .isEqualTo("error: a.pool:7:");
        assertThat(prefixThroughLineNumber("expect failed: err-3-expect.pool:7: cache is 63, expected 62"))
                .isEqualTo("expect failed: err-3-expect.pool:7:");
    }

    @Test
    void firstDifferenceNamesTheLine() {
        assertThat(firstDifference("a\nb\nc\n", "a\nx\nc\n")).contains("line 2").contains("b").contains("x");
        assertThat(firstDifference("a\n", "a\nb\n")).contains("line 2").contains("<end of output>");
        assertThat(firstDifference("a\nb\n", "a\n")).contains("line 2").contains("<end of output>");
        assertThat(firstDifference("a\n", "a")).contains("newline");
    }

    private static Path sibling(Path script, String extension) {
        String name = script.getFileName().toString();
        return script.resolveSibling(name.substring(0, name.length() - ".pool".length()) + extension);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** A person-readable account of the first line where the two texts differ. */
    static String firstDifference(String expected, String actual) {
        boolean expectedEndsWithNewline = expected.endsWith("\n");
        boolean actualEndsWithNewline = actual.endsWith("\n");
        List<String> e = expected.isEmpty() ? List.of()
                : List.of(expected.substring(0, expected.length() - (expectedEndsWithNewline ? 1 : 0)).split("\n", -1));
        List<String> a = actual.isEmpty() ? List.of()
                : List.of(actual.substring(0, actual.length() - (actualEndsWithNewline ? 1 : 0)).split("\n", -1));
        int n = Math.max(e.size(), a.size());
        for (int i = 0; i < n; i++) {
            String el = i < e.size() ? e.get(i) : null;
            String al = i < a.size() ? a.get(i) : null;
            if (el == null || !el.equals(al)) {
                return "first difference at line " + (i + 1) + " of the output:\n  expected: "
                        + (el == null ? "<end of output>" : el) + "\n  actual:   "
                        + (al == null ? "<end of output>" : al);
            }
        }
        if (expectedEndsWithNewline != actualEndsWithNewline) {
            return "the lines are equal, but " + (expectedEndsWithNewline ? "the actual output lacks"
                    : "the actual output has") + " a newline after the last line";
        }
        return "no line differs (line endings or encoding differ)";
    }
}
