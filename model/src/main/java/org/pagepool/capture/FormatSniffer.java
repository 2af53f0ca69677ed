// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells a file's format from its first bytes, and from its name where the
 * content does not decide (an empty trace, a log with no pool lines yet).
 * Binary files that have a text form (trace-cmd's {@code trace.dat}, perf's
 * {@code perf.data}) are refused with the command that converts them.
 */
final class FormatSniffer {
    /** How much of a file is looked at. */
    static final int HEAD = 1 << 16;
    private static final int LINES = 400;

    private FormatSniffer() {
    }

    /** The format, or null when neither content nor name says. */
    static CaptureFormat detect(String name, byte[] head, int length) throws CaptureException {
        refuseBinary(name, head, length);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".workload") || lower.endsWith(".pool")) {
            return null; // the app's own presets and scripts, which quote the kernel's messages in their texts
        }
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", LINES + 1);
        CaptureFormat byContent = byContent(lines);
        return byContent != null ? byContent : byName(name);
    }

    private static void refuseBinary(String name, byte[] head, int length) throws CaptureException {
        if (startsWith(head, length, "\u0017\u0008Dtracing")) {
            throw new CaptureException(name, 0, "a trace-cmd data file: convert it to text first (trace-cmd report -i "
                    + Show.fileName(name) + " > trace.txt)");
        }
        if (startsWith(head, length, "PERFILE2") || startsWith(head, length, "PERFFILE")) {
            throw new CaptureException(name, 0, "a perf.data file: convert it to text first (perf script -i "
                    + Show.fileName(name) + " > perf.txt)");
        }
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                throw new CaptureException(name, 0, "binary data (a NUL byte at offset " + i
                        + "): not a text capture");
            }
        }
    }

    private static CaptureFormat byContent(String[] lines) {
        if (lines.length > 0 && lines[0].startsWith("# pagepool-capture")) {
            return CaptureFormat.META;
        }
        boolean ethtool = false;
        boolean log = false;
        boolean links = false;
        int firstValue = -1;
        for (int i = 0; i < Math.min(lines.length, LINES); i++) {
            String l = lines[i];
            String t = l.strip();
            if (t.startsWith("# tracer:") || i == 0 && (t.startsWith("cpus=") || t.startsWith("version = "))
                    || isTraceEvent(l)) {
                return CaptureFormat.TRACE;
            }
            if (firstValue < 0 && !t.isEmpty() && !t.startsWith("#")) {
                firstValue = i;
                if (t.startsWith("[{") || t.startsWith("{") || t.equals("[]") || t.startsWith("[ {")
                        || t.equals("[") && startsAnEntry(lines, i + 1)) {
                    return CaptureFormat.NETLINK; // a lone "[" alone may be a log cut short ("[  12.34] ...")
                }
            }
            ethtool |= t.equals("NIC statistics:") || t.matches("[A-Za-z0-9_.\\-\\[\\]]*pp_[a-z_]+: \\d+");
            // a preset's settings and checkpoints quote the kernel ("watch = ... stalled pool shutdown"): no log lines
            log |= !t.matches("[a-z][a-z_.]* = .*|checkpoint .*") && (t.contains("stalled pool shutdown")
                    || t.contains("refcount_t: ") || t.contains("gave up with errno") || t.contains(" kernel: ")
                    || t.matches("(<\\d+>)?\\[ *\\d+\\.\\d+\\] .*"));
            links |= t.matches("\\d+: [^:]+: <.*");
        }
        if (ethtool) {
            return CaptureFormat.ETHTOOL;
        }
        if (log) {
            return CaptureFormat.KERNEL_LOG;
        }
        return links ? CaptureFormat.LINKS : null;
    }

    /** Whether the first line from {@code from} on with something in it opens or ends a JSON array's entries. */
    private static boolean startsAnEntry(String[] lines, int from) {
        for (int i = from; i < Math.min(lines.length, LINES); i++) {
            String t = lines[i].strip();
            if (!t.isEmpty()) {
                return t.startsWith("{") || t.startsWith("]");
            }
        }
        return false;
    }

    /** {@code ...: page_pool_x: ...} (ftrace) or {@code ... page_pool:page_pool_x: ...} (perf). */
    private static boolean isTraceEvent(String line) {
        int at = line.indexOf("page_pool:page_pool_");
        if (at >= 0) {
            return true;
        }
        at = line.indexOf(": page_pool_");
        if (at < 0) {
            return false;
        }
        int i = at + 2;
        while (i < line.length() && (Character.isLowerCase(line.charAt(i)) || line.charAt(i) == '_'
                || Character.isDigit(line.charAt(i)))) {
            i++;
        }
        return i < line.length() && line.charAt(i) == ':';
    }

    private static CaptureFormat byName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.startsWith("trace") || name.startsWith("perf") || name.endsWith(".trace")) {
            return CaptureFormat.TRACE;
        }
        if (name.startsWith("dmesg") || name.startsWith("kern") || name.startsWith("journal")) {
            return CaptureFormat.KERNEL_LOG;
        }
        if (name.startsWith("ethtool")) {
            return CaptureFormat.ETHTOOL;
        }
        if (name.startsWith("netlink") || name.startsWith("page-pool")) {
            return CaptureFormat.NETLINK;
        }
        if (name.startsWith("links")) {
            return CaptureFormat.LINKS;
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int length, String magic) {
        if (length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (head[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
