// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagepool.capture.CaptureImporter;
import org.pagepool.capture.CaptureReport;
import org.pagepool.cli.Main;

/** "Simulate this" finds the scenario whose own run, read back as a capture, tells its story. */
class LookalikeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"09-unload-stall, ''", "10-driver-leak, --packets=100000"})
    void aScenariosOwnTraceSuggestsItself(String preset, String limit) throws Exception {
        Path trace = dir.resolve(preset + ".txt");
        String[] args = limit.isEmpty()
                ? new String[] {"workload", "--preset", "../assets/scenarios/" + preset + ".workload",
                    "--emit-trace", trace.toString()}
                : new String[] {"workload", "--preset", "../assets/scenarios/" + preset + ".workload",
                    "--emit-trace", trace.toString(), limit};
        int status = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
        assertThat(status).isZero();
        CaptureReport report = CaptureReport.of(new CaptureImporter().read(List.of(trace), List.of("t")));
        assertThat(Lookalike.of(report)).map(Lookalike.Suggestion::preset).contains(preset + ".workload");
    }
}
