// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import org.pagepool.text.Tokens;

/**
 * Reads one line of tracepoint text and hands a page_pool event to the sink.
 * Lines of other events, headers and blank lines are skipped; a page_pool
 * event that cannot be read is an error on its line. Allocates nothing for a
 * line it reads successfully.
 */
final class TraceLineParser {
    private static final String PREFIX = "page_pool_";
    private static final String PERF_SYSTEM = "page_pool:";

    private static final int POOL = 0;
    private static final int PAGE = 1;
    private static final int NETMEM = 2;
    private static final int NMEM = 3;
    private static final int NET_IOV = 4;
    private static final int PFN = 5;
    private static final int HOLD = 6;
    private static final int RELEASE = 7;
    private static final int INFLIGHT = 8;
    private static final int CNT = 9;
    private static final int POOL_NID = 10;
    private static final int NEW_NID = 11;
    private static final int ID = 12;
    private static final int SEC = 13;
    private static final String[] KEYS = {"page_pool", "page", "netmem", "nmem", "is_net_iov", "pfn", "hold",
        "release", "inflight", "cnt", "pool_nid", "new_nid", "id", "sec"};

    private static final int[] ID_KEYS = {ID};
    private static final int[] THREE_LETTER_KEYS = {PFN, CNT, SEC};
    private static final int[] FOUR_LETTER_KEYS = {PAGE, HOLD, NMEM};
    private static final int[] NETMEM_KEYS = {NETMEM};
    private static final int[] SEVEN_LETTER_KEYS = {RELEASE, NEW_NID};
    private static final int[] EIGHT_LETTER_KEYS = {INFLIGHT, POOL_NID};
    private static final int[] POOL_KEYS = {POOL};
    private static final int[] NET_IOV_KEYS = {NET_IOV};

    private static final int EV_HOLD = 0;
    private static final int EV_RELEASE = 1;
    private static final int EV_SHUTDOWN = 2;
    private static final int EV_UPDATE_NID = 3;
    private static final int EV_STALLED = 4;
    private static final String[] EVENTS = {Tracepoints.HOLD, Tracepoints.RELEASE, Tracepoints.SHUTDOWN,
        Tracepoints.UPDATE_NID, Tracepoints.STALLED, Tracepoints.SHUTDOWN_OLD};
    private static final String[] FORMATS = {Tracepoints.HOLD_FORMAT, Tracepoints.RELEASE_FORMAT,
        Tracepoints.SHUTDOWN_FORMAT, Tracepoints.UPDATE_NID_FORMAT, Tracepoints.STALLED_FORMAT,
        Tracepoints.SHUTDOWN_FORMAT};

    private final String file;
    private final PoolEventSink sink;
    private final int[] from = new int[KEYS.length];
    private final int[] to = new int[KEYS.length];
    private int present;
    private ByteLine line;
    private String eventName;
    private long lastNs = Capture.NO_TIME;
    private long events;
    private long perfEvents;

    TraceLineParser(String file, PoolEventSink sink) {
        this.file = file;
        this.sink = sink;
    }

    /** page_pool events read so far. */
    long events() {
        return events;
    }

    /** How many of them were in perf script's layout. */
    long perfEvents() {
        return perfEvents;
    }

    /** The time of the last event read, or {@link Capture#NO_TIME}. */
    long lastNs() {
        return lastNs;
    }

    void parse(ByteLine l) throws CaptureException {
        line = l;
        int at = l.indexOf(PREFIX);
        while (at >= 0) {
            if (tryEvent(at)) {
                return;
            }
            at = l.indexOf(PREFIX, at + 1);
        }
        if (l.length() < 100) {
            lostEvents();
        }
    }

    /** Whether a page_pool event name starts at {@code at}; reads the line if so. */
    private boolean tryEvent(int at) throws CaptureException {
        byte[] b = line.bytes;
        int nameEnd = at;
        while (nameEnd < line.end && (b[nameEnd] >= 'a' && b[nameEnd] <= 'z' || b[nameEnd] == '_'
                || ByteLine.isDigit(b[nameEnd]))) {
            nameEnd++;
        }
        if (nameEnd >= line.end || b[nameEnd] != ':') {
            return false;
        }
        boolean perf = line.matches(at - PERF_SYSTEM.length(), PERF_SYSTEM);
        int beforeName = perf ? at - PERF_SYSTEM.length() : at;
        int colon = beforeName;
        while (colon > line.start && ByteLine.isSpace(b[colon - 1])) {
            colon--;
        }
        if (colon == beforeName && !perf || colon <= line.start || b[colon - 1] != ':') {
            return false;
        }
        int event = -1;
        for (int e = 0; e < EVENTS.length; e++) {
            if (Scan.equals(b, at, nameEnd, EVENTS[e])) {
                event = e;
                break;
            }
        }
        if (event < 0) {
            return true; // a page_pool event this reader does not use (a newer kernel's)
        }
        eventName = EVENTS[event];
        long ns = timestamp(colon - 1);
        int cpu = cpu(colon - 1);
        readFields(nameEnd + 1);
        events++;
        if (perf) {
            perfEvents++;
        }
        lastNs = ns;
        dispatch(event == EVENTS.length - 1 ? EV_SHUTDOWN : event, ns, cpu, FORMATS[event]);
        return true;
    }

    private void dispatch(int event, long ns, int cpu, String format) throws CaptureException {
        long pool = pointer(POOL, format);
        switch (event) {
            case EV_HOLD:
            case EV_RELEASE: {
                boolean netIov = has(NET_IOV) && unsigned(NET_IOV, format, Long.MAX_VALUE) != 0;
                boolean pfn = has(PFN) && !netIov;
                long page = pfn ? number(PFN, format) : pageAddress(format);
                if (event == EV_HOLD) {
                    sink.hold(ns, cpu, pool, page, pfn, unsigned(HOLD, format, 0xffff_ffffL));
                } else {
                    sink.release(ns, cpu, pool, page, pfn, unsigned(RELEASE, format, 0xffff_ffffL));
                }
                break;
            }
            case EV_SHUTDOWN:
                sink.shutdownAttempt(ns, pool, (int) signed(INFLIGHT, format), unsigned(HOLD, format, 0xffff_ffffL),
                        unsigned(RELEASE, format, 0xffff_ffffL), has(CNT) ? unsigned(CNT, format, Long.MAX_VALUE) : -1);
                break;
            case EV_UPDATE_NID:
                sink.updateNid(ns, pool, (int) signed(POOL_NID, format), (int) signed(NEW_NID, format));
                break;
            default:
                sink.stalled(ns, pool, (int) unsigned(ID, format, 0xffff_ffffL), (int) signed(INFLIGHT, format),
                        (int) signed(SEC, format));
                break;
        }
    }

    /** The page's address where the format has no usable pfn: page=%p, nmem=%p, netmem=%p or netmem=%lu. */
    private long pageAddress(String format) throws CaptureException {
        if (has(PAGE)) {
            return pointer(PAGE, format);
        }
        if (has(NMEM)) {
            return pointer(NMEM, format);
        }
        if (has(NETMEM)) {
            // netmem=%p comes with is_net_iov; netmem=%lu (6.9-6.11) is decimal
            return has(NET_IOV) ? pointer(NETMEM, format) : number(NETMEM, format);
        }
        throw missing("pfn", format);
    }

    /** The {@code SECONDS:} before the event; {@code colon} is the index of its colon. */
    private long timestamp(int colon) throws CaptureException {
        byte[] b = line.bytes;
        int start = colon;
        while (start > line.start && (ByteLine.isDigit(b[start - 1]) || b[start - 1] == '.')) {
            start--;
        }
        if (start == colon) {
            throw error("no timestamp before the event (expected \"TASK-PID [CPU] SECONDS: " + eventName
                    + ": ...\")");
        }
        try {
            return Scan.secondsToNs(b, start, colon);
        } catch (Scan.Bad e) {
            throw error("timestamp " + Tokens.quote(line.text(start, colon)) + " " + e.getMessage()
                    + " (record with a clock in seconds: trace_clock local, global, mono or boot)");
        }
    }

    /** The {@code [CPU]} before the timestamp (flags may stand between), or -1 when the layout has none. */
    private int cpu(int colon) {
        byte[] b = line.bytes;
        int i = colon;
        while (i > line.start && !ByteLine.isSpace(b[i - 1])) {
            i--;
        }
        for (int word = 0; word < 2; word++) {
            while (i > line.start && ByteLine.isSpace(b[i - 1])) {
                i--;
            }
            if (i > line.start && b[i - 1] == ']') {
                int close = i - 1;
                int open = close;
                while (open > line.start && ByteLine.isDigit(b[open - 1])) {
                    open--;
                }
                if (open > line.start && b[open - 1] == '[' && open < close) {
                    try {
                        return (int) Scan.unsigned(b, open, close, 1 << 20);
                    } catch (Scan.Bad e) {
                        return -1;
                    }
                }
                return -1;
            }
            while (i > line.start && !ByteLine.isSpace(b[i - 1])) {
                i--; // the irqs-off/need-resched/... flags
            }
        }
        return -1;
    }

    private void readFields(int after) {
        present = 0;
        byte[] b = line.bytes;
        int i = after;
        while (true) {
            i = line.skipSpaces(i);
            if (i >= line.end) {
                return;
            }
            int wordEnd = line.skipWord(i);
            int eq = i;
            while (eq < wordEnd && b[eq] != '=') {
                eq++;
            }
            if (eq < wordEnd) {
                int valueEnd = wordEnd;
                if (valueEnd > eq + 1 && b[valueEnd - 1] == ',') {
                    valueEnd--;
                }
                int k = key(b, i, eq);
                if (k >= 0 && (present & 1 << k) == 0) {
                    present |= 1 << k;
                    from[k] = eq + 1;
                    to[k] = valueEnd;
                }
            }
            i = wordEnd;
        }
    }

    /** The field a key names, or -1; by length first, so a line costs few comparisons. */
    private static int key(byte[] b, int from, int to) {
        int[] candidates;
        switch (to - from) {
            case 2: candidates = ID_KEYS; break;
            case 3: candidates = THREE_LETTER_KEYS; break;
            case 4: candidates = FOUR_LETTER_KEYS; break;
            case 6: candidates = NETMEM_KEYS; break;
            case 7: candidates = SEVEN_LETTER_KEYS; break;
            case 8: candidates = EIGHT_LETTER_KEYS; break;
            case 9: candidates = POOL_KEYS; break;
            case 10: candidates = NET_IOV_KEYS; break;
            default: return -1;
        }
        for (int k : candidates) {
            if (Scan.equals(b, from, to, KEYS[k])) {
                return k;
            }
        }
        return -1;
    }

    private boolean has(int key) {
        return (present & 1 << key) != 0;
    }

    private long pointer(int key, String format) throws CaptureException {
        need(key, format);
        try {
            return Scan.pointer(line.bytes, from[key], to[key]);
        } catch (Scan.Bad e) {
            throw bad(key, e);
        }
    }

    private long number(int key, String format) throws CaptureException {
        need(key, format);
        try {
            return Scan.hexOrDecimal(line.bytes, from[key], to[key]);
        } catch (Scan.Bad e) {
            throw bad(key, e);
        }
    }

    private long unsigned(int key, String format, long max) throws CaptureException {
        need(key, format);
        try {
            return Scan.unsigned(line.bytes, from[key], to[key], max);
        } catch (Scan.Bad e) {
            throw bad(key, e);
        }
    }

    private long signed(int key, String format) throws CaptureException {
        need(key, format);
        try {
            return Scan.signed(line.bytes, from[key], to[key], Integer.MIN_VALUE, Integer.MAX_VALUE);
        } catch (Scan.Bad e) {
            throw bad(key, e);
        }
    }

    private void need(int key, String format) throws CaptureException {
        if (!has(key)) {
            throw missing(KEYS[key], format);
        }
    }

    private CaptureException missing(String key, String format) {
        return error("no " + key + "= (expected " + format + ")");
    }

    private CaptureException bad(int key, Scan.Bad e) {
        return error(KEYS[key] + "=" + Tokens.quote(line.text(from[key], to[key])) + " " + e.getMessage());
    }

    private CaptureException error(String message) {
        return new CaptureException(file, line.number, eventName + ": " + message);
    }

    /** {@code CPU:2 [LOST 17 EVENTS]} (tracefs, trace-cmd) or {@code CPU:2 [17 EVENTS DROPPED]}. */
    private void lostEvents() {
        int lost = line.indexOf("[LOST ");
        int digits = lost >= 0 ? lost + 6 : -1;
        if (digits < 0) {
            int dropped = line.indexOf(" EVENTS DROPPED]");
            if (dropped < 0) {
                return;
            }
            digits = dropped;
            while (digits > line.start && ByteLine.isDigit(line.bytes[digits - 1])) {
                digits--;
            }
        }
        int end = digits;
        while (end < line.end && ByteLine.isDigit(line.bytes[end])) {
            end++;
        }
        int cpu = -1;
        int cpuAt = line.indexOf("CPU:");
        try {
            long count = Scan.unsigned(line.bytes, digits, end, Long.MAX_VALUE);
            if (cpuAt >= 0) {
                int cpuEnd = cpuAt + 4;
                while (cpuEnd < line.end && ByteLine.isDigit(line.bytes[cpuEnd])) {
                    cpuEnd++;
                }
                cpu = (int) Scan.unsigned(line.bytes, cpuAt + 4, cpuEnd, 1 << 20);
            }
            sink.lost(lastNs, cpu, count);
        } catch (Scan.Bad e) {
            // not a lost-events line after all
        }
    }
}
