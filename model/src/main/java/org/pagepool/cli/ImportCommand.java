// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
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
    static final String USAGE = "usage: java -jar pagepool-model.jar import [--json] PATH...";

    private ImportCommand() {
    }

    /** The command line after {@code import}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        List<String> names = new ArrayList<>();
        boolean options = true;
        for (String arg : args) {
            if (options && arg.equals("--")) {
                options = false;
            } else if (options && arg.equals("--json")) {
                json = true;
            } else if (options && (arg.equals("--help") || arg.equals("-h"))) {
                out.println(USAGE);
                out.println("  reads tracepoint text, dmesg, ethtool -S samples and netlink dumps (files or a capture"
                        + " directory) and reports each page pool");
                return 0;
            } else if (options && arg.startsWith("-") && arg.length() > 1) {
                err.println("error: import: unknown option " + arg + " (options: --json)");
                return 2;
            } else {
                names.add(arg);
            }
        }
        if (names.isEmpty()) {
            err.println("error: import: needs at least one capture file or directory (" + USAGE + ")");
            return 2;
        }
        List<Path> paths = new ArrayList<>();
        for (String name : names) {
            try {
                paths.add(Path.of(name));
            } catch (InvalidPathException e) {
                err.println("error: " + new CaptureException(name, 0, "cannot open: not a valid file name").located());
                return 2;
            }
        }
        return run(paths, names, json, out, err);
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
