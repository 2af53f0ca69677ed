// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CaptureException;
import org.pagepool.capture.CaptureFormat;
import org.pagepool.capture.CaptureImporter;
import org.pagepool.capture.CaptureReport;
import org.pagepool.capture.DerivedPreset;
import org.pagepool.capture.PresetDerivation;
import org.pagepool.capture.ReportJson;
import org.pagepool.capture.ReportText;
import org.pagepool.capture.SourceFile;

/**
 * {@code import [--json] [--simulate OUT.workload] PATH...}: reads what a
 * real kernel reported about its page pools (capture files, or a directory
 * the capture script wrote) and prints a report per pool with a diagnosis;
 * {@code --simulate} also writes the workload preset derived from the capture
 * ({@link PresetDerivation}). Exit 0, or 2 with
 * {@code error: FILE:LINE: message} for input that cannot be read (or
 * {@code error: OUT: cannot write: ...}).
 */
final class ImportCommand {
    private ImportCommand() {
    }

    /**
     * Imports {@code inputs} ({@code namesAsGiven} name them in messages) and
     * prints the report, as text or JSON; writes the derived preset to
     * {@code simulate} unless it is null.
     */
    static int run(List<Path> inputs, List<String> namesAsGiven, boolean json, String simulate, PrintStream out,
                   PrintStream err) {
        Capture capture;
        try {
            capture = new CaptureImporter().read(inputs, namesAsGiven);
        } catch (CaptureException e) {
            err.println("error: " + e.located());
            return 2;
        }
        if (simulate != null) {
            // a file named as input is refused before reading; one found in a directory only now
            for (SourceFile source : capture.sources()) {
                if (source.format() != CaptureFormat.SKIPPED && SamePath.same(simulate, source.name())) {
                    err.println("error: import: " + ImportVerb.overwrites(simulate));
                    return 2;
                }
            }
        }
        CaptureReport report = CaptureReport.of(capture);
        if (json) {
            out.print(ReportJson.write(report));
        } else {
            ReportText.write(report, out);
        }
        if (simulate == null) {
            return 0;
        }
        DerivedPreset preset = PresetDerivation.of(capture, report, String.join(" ", namesAsGiven));
        try (OutputFile file = OutputFile.create(simulate)) {
            file.writer().write(preset.text());
            file.commit();
        } catch (OutputFile.Failed e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + OutputFile.shown(simulate) + ": cannot write: " + OutputFile.reason(e));
            return 2;
        }
        if (!json) {
            out.println();
            out.println("simulate: wrote " + simulate + " (" + preset.estimated().size() + " settings estimated from"
                    + " the capture, " + preset.defaulted().size() + " defaulted; its comments say which and why)");
        }
        return 0;
    }
}
