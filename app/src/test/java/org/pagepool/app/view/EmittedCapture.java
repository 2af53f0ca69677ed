// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CaptureException;
import org.pagepool.capture.CaptureImporter;
import org.pagepool.capture.CaptureReport;
import org.pagepool.cli.Main;

/** A shipped scenario's run written as a real machine's capture by {@code workload --emit-...}, for the tests. */
public final class EmittedCapture {
    private EmittedCapture() {
    }

    /**
     * Runs scenario {@code preset} (e.g. {@code 10-driver-leak}) and writes, into {@code dir}, each output
     * named in {@code emits}: {@code trace}, {@code ethtool}, {@code netlink}. Returns the files.
     */
    public static List<Path> emit(Path dir, String preset, String... emits) {
        List<String> args = new ArrayList<>(List.of("workload", "--preset", "../assets/scenarios/" + preset
                + ".workload"));
        List<Path> files = new ArrayList<>();
        for (String emit : emits) {
            Path file = dir.resolve(switch (emit) {
                case "trace" -> "trace.txt";
                case "ethtool" -> "ethtool-eth0.txt";
                default -> "netlink-pools.txt";
            });
            args.add("--emit-" + emit);
            args.add(file.toString());
            files.add(file);
        }
        int status = Main.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), System.err);
        assertThat(status).as("workload %s", preset).isZero();
        return files;
    }

    /** The files read back as one capture. */
    static Capture read(List<Path> files) throws CaptureException {
        return new CaptureImporter().read(files, files.stream().map(Path::toString).toList());
    }

    /** The capture's report. */
    static CaptureReport report(Capture capture) {
        return CaptureReport.of(capture);
    }
}
