// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.nio.charset.StandardCharsets;
import org.pagepool.text.Tokens;

/**
 * The two small files the capture script writes beside the samples:
 * {@code links.txt} ({@code ip -o link}: which interface an ifindex is) and
 * {@code capture.txt} ({@code # pagepool-capture} then {@code key=value}
 * lines: kernel, host, when the capture began and ended on the kernel's clock).
 */
final class SmallFiles {
    private SmallFiles() {
    }

    /** {@code 2: eth0: <BROADCAST,...> mtu 1500 ...} or {@code 5: veth0@if4: ...}; other lines are skipped. */
    static boolean link(ByteLine line, TimelineBuilder sink) {
        int i = line.skipSpaces(line.start);
        int digits = i;
        while (i < line.end && ByteLine.isDigit(line.bytes[i])) {
            i++;
        }
        if (i == digits || !line.matches(i, ": ")) {
            return false;
        }
        int nameStart = i + 2;
        int nameEnd = line.indexOf(": ", nameStart);
        if (nameEnd < 0) {
            return false;
        }
        String name = line.text(nameStart, nameEnd);
        int at = name.indexOf('@');
        try {
            int ifindex = (int) Scan.unsigned(line.bytes, digits, i, Integer.MAX_VALUE);
            sink.link(ifindex, at >= 0 ? name.substring(0, at) : name);
            return true;
        } catch (Scan.Bad e) {
            return false;
        }
    }

    /** A {@code key=value} line of capture.txt; {@code end_uptime} marks the end of the capture. */
    static boolean note(ByteLine line, String file, TimelineBuilder sink) throws CaptureException {
        int eq = line.indexOf("=");
        if (line.length() == 0 || line.bytes[line.start] == '#' || eq < 0) {
            return false;
        }
        String key = line.text(line.start, eq);
        String value = line.text(eq + 1, line.end);
        sink.note(key, value);
        if (key.equals("end_uptime") || key.equals("start_uptime")) {
            byte[] b = value.getBytes(StandardCharsets.US_ASCII);
            try {
                long ns = Scan.secondsToNs(b, 0, b.length);
                sink.moment(ns);
                if (key.equals("start_uptime")) {
                    sink.captureBegan(ns);
                }
            } catch (Scan.Bad e) {
                throw new CaptureException(file, line.number, key + "=" + Tokens.quote(value) + " "
                        + e.getMessage());
            }
        }
        return true;
    }
}
