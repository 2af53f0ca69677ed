// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pagepool.text.Tokens;

/**
 * Reads {@code ethtool -S IFACE} snapshots, each after a {@code # time} line
 * ({@link SampleHeader}). Keeps the page_pool counters: the generic
 * {@code rx_pp_*} names (the interface's totals) and per-queue names that put
 * a prefix before {@code pp_}, such as mlx5's {@code rx0_pp_alloc_fast}; mlx5
 * spells two of them its own way ({@code alloc_slow_high_order},
 * {@code recycle_released_ref}). A snapshot without a {@code # time} line has
 * no time: it gives totals but no rates.
 */
final class EthtoolParser {
    private final String file;
    private final TimelineBuilder sink;
    private final String fileDevice;
    private final SampleHeader header = new SampleHeader();
    private final Map<String, long[]> queues = new LinkedHashMap<>();
    private final Map<String, Integer> masks = new LinkedHashMap<>();
    private long sampleNs = Capture.NO_TIME;
    private boolean wallClock;
    private String device;
    private long sampleLine;
    private boolean open;
    private int samples;
    /** Each queue's counters in the last sample handed on: a last sample with fewer was cut off. */
    private final Map<String, Integer> previousMasks = new LinkedHashMap<>();
    /** The line where a cut-off last sample began (left out), or 0. */
    private long cutOffLine;

    EthtoolParser(String file, TimelineBuilder sink) {
        this.file = file;
        this.sink = sink;
        this.fileDevice = deviceFromName(file);
        this.device = fileDevice;
    }

    int samples() {
        return samples;
    }

    void parse(ByteLine line) throws CaptureException {
        if (SampleHeader.is(line)) {
            flush();
            header.read(line, file);
            sampleNs = header.ns();
            wallClock = header.wallClock();
            device = header.iface != null ? header.iface : fileDevice;
            begin(line.number);
            return;
        }
        int first = line.skipSpaces(line.start);
        if (first >= line.end || line.bytes[first] == '#') {
            return;
        }
        if (line.matches(first, "NIC statistics:")) {
            if (open && !queues.isEmpty()) {
                flush(); // a second snapshot without a # time line
                sampleNs = Capture.NO_TIME;
            }
            if (!open) {
                begin(line.number);
            }
            return;
        }
        counter(line, first);
    }

    /** {@code NAME: VALUE}, kept when NAME is a page_pool counter. */
    private void counter(ByteLine line, int first) throws CaptureException {
        int colon = line.indexOf(": ", first);
        int pp = line.indexOf("pp_", first);
        if (pp < 0 || colon < 0 || pp > colon) {
            return;
        }
        // the last "pp_" before the colon starts the counter's name
        for (int next = line.indexOf("pp_", pp + 1); next >= 0 && next < colon; next = line.indexOf("pp_", next + 1)) {
            pp = next;
        }
        PoolCounter counter = PoolCounter.byEthtoolSuffix(line.bytes, pp + 3, colon);
        if (counter == null) {
            return; // a pp_ counter this reader does not know
        }
        String queue = queue(line.text(first, pp));
        int from = line.skipSpaces(colon + 1);
        int to = line.skipWord(from);
        long value;
        try {
            value = Scan.unsigned(line.bytes, from, to, Long.MAX_VALUE);
        } catch (Scan.Bad e) {
            throw new CaptureException(file, line.number, line.text(first, colon) + ": "
                    + Tokens.quote(line.text(from, line.end)) + " " + e.getMessage());
        }
        if (!open) {
            begin(line.number);
        }
        long[] values = queues.computeIfAbsent(queue, q -> new long[PoolCounter.ALL.length]);
        int mask = masks.getOrDefault(queue, 0);
        int bit = 1 << counter.ordinal();
        if ((mask & bit) != 0) {
            throw new CaptureException(file, line.number, line.text(first, colon) + " appears twice in the sample that "
                    + "begins on line " + sampleLine + " (is a \"# time\" line missing?)");
        }
        masks.put(queue, mask | bit);
        values[counter.ordinal()] = value;
    }

    /** {@code rx_} is the interface's totals; any other prefix names a queue ({@code rx0_} is {@code rx0}). */
    private static String queue(String prefix) {
        if (prefix.equals("rx_") || prefix.isEmpty()) {
            return "";
        }
        return prefix.endsWith("_") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    private void begin(long lineNumber) {
        open = true;
        sampleLine = lineNumber;
    }

    /** Hands the sample read so far to the timeline. */
    void flush() {
        if (open && !queues.isEmpty()) {
            for (Map.Entry<String, long[]> q : queues.entrySet()) {
                sink.ethtoolSample(device, q.getKey(), sampleNs, wallClock, q.getValue(), masks.get(q.getKey()));
            }
            samples++;
            previousMasks.clear();
            previousMasks.putAll(masks);
        }
        queues.clear();
        masks.clear();
        open = false;
    }

    /**
     * The end of the file: its last sample is handed on, unless it lacks
     * counters or queues the one before it had. A capture stopped while
     * {@code ethtool -S} was printing leaves such a sample, and its missing
     * counters would read as 0 "at the end".
     */
    void finish() {
        if (open && !queues.isEmpty() && samples > 0) {
            for (Map.Entry<String, Integer> was : previousMasks.entrySet()) {
                Integer now = masks.get(was.getKey());
                if (now == null || (now & was.getValue()) != was.getValue()) {
                    cutOffLine = sampleLine;
                    queues.clear(); // flush() hands nothing on
                    break;
                }
            }
        }
        flush();
    }

    /** What the report says of the file beyond its format: a cut-off last sample left out, or "". */
    String remark() {
        return cutOffLine == 0 ? "" : "its last sample (from line " + cutOffLine + ") is cut off: left out";
    }

    /** {@code ethtool-eth0.txt} names eth0; a name that says nothing gives "?". */
    static String deviceFromName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (String ext : new String[] {".gz", ".txt", ".log"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
            }
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("ethtool")) {
            name = name.substring("ethtool".length());
        }
        while (!name.isEmpty() && "-_.".indexOf(name.charAt(0)) >= 0) {
            name = name.substring(1);
        }
        if (name.startsWith("S-") || name.startsWith("S_")) {
            name = name.substring(2);
        }
        return name.isEmpty() ? "?" : name;
    }
}
