// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CaptureException;
import org.pagepool.capture.CaptureImporter;
import org.pagepool.capture.CaptureReport;
import org.pagepool.capture.ReportJson;
import org.pagepool.capture.ReportText;

/**
 * {@code import [--json] PATH...}: reads what a real kernel reported about
 * its page pools (capture files, or a directory the capture script wrote) and
 * prints a report per pool with a diagnosis. Exit 0, or 2 with
 * {@code error: FILE:LINE: message} for input that cannot be read.
 */
final class ImportCommand {
    private ImportCommand() {
    }

    /**
     * Imports {@code inputs} ({@code namesAsGiven} name them in messages) and
     * prints the report, as text or JSON.
     */
    static int run(List<Path> inputs, List<String> namesAsGiven, boolean json, PrintStream out, PrintStream err) {
        Capture capture;
        try {
            capture = new CaptureImporter().read(inputs, namesAsGiven);
        } catch (CaptureException e) {
            err.println("error: " + e.located());
            return 2;
        }
        CaptureReport report = CaptureReport.of(capture);
        if (json) {
            out.print(ReportJson.write(report));
        } else {
            ReportText.write(report, out);
        }
        return 0;
    }
}
