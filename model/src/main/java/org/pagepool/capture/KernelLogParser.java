// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import org.pagepool.text.Tokens;

/**
 * Reads kernel log lines about page pools ({@code dmesg} with or without its
 * {@code [ seconds]} stamp, {@code dmesg -r}, {@code journalctl -k} in its
 * default or monotonic form, syslog's kern.log):
 * <pre>
 * page_pool_release_retry() stalled pool shutdown 199 inflight 60 sec             (up to 6.7)
 * page_pool_release_retry() stalled pool shutdown: id 51, 4032 inflight 26825 sec (6.8 on)
 * refcount_t: underflow; use-after-free.
 * page_pool_create() gave up with errno -12
 * Negative(-3) inflight packet-pages
 * </pre>
 * Other lines are skipped. A line with a wall-clock time only has no time on
 * the capture's clock ({@link Capture#NO_TIME}).
 */
final class KernelLogParser {
    private static final String STALLED = "stalled pool shutdown";
    private static final String REFCOUNT = "refcount_t: ";
    private static final String GAVE_UP = "() gave up with errno ";
    private static final String NEGATIVE = "Negative(";

    private final String file;
    private final TimelineBuilder sink;
    private ByteLine line;
    private long events;
    /** The time of the stamp {@link #lastStamp} found last. */
    private long stampNs;

    KernelLogParser(String file, TimelineBuilder sink) {
        this.file = file;
        this.sink = sink;
    }

    long events() {
        return events;
    }

    void parse(ByteLine l) throws CaptureException {
        line = l;
        int at = l.indexOf(STALLED);
        if (at >= 0) {
            stalled(at);
            return;
        }
        at = l.indexOf(REFCOUNT);
        if (at >= 0) {
            emit(at, KernelEvent.Kind.REFCOUNT, -1, "", 0, 0, 0, l.text(at, l.end));
            return;
        }
        at = l.indexOf(GAVE_UP);
        if (at >= 0 && l.indexOf("page_pool") >= 0 && l.indexOf("page_pool") < at) {
            int from = at + GAVE_UP.length();
            int to = l.skipWord(from);
            int errno = (int) number(from, to, "gave up with errno", "an error number");
            emit(at, KernelEvent.Kind.CREATE_FAILED, -1, "", 0, 0, errno, l.text(message(at), l.end));
            return;
        }
        at = l.indexOf(NEGATIVE);
        if (at >= 0 && l.indexOf(") inflight packet-pages", at) >= 0) {
            int from = at + NEGATIVE.length();
            int to = from;
            while (to < l.end && l.bytes[to] != ')') {
                to++;
            }
            int inflight = (int) number(from, to, "Negative(", "a number of pages");
            emit(at, KernelEvent.Kind.NEGATIVE_INFLIGHT, -1, "", inflight, 0, 0, l.text(message(at), l.end));
        }
    }

    /** {@code [: id N,] N inflight N sec}, after an optional {@code FUNC(): DEVICE} before the words. */
    private void stalled(int at) throws CaptureException {
        int i = at + STALLED.length();
        if (i < line.end && line.bytes[i] == ':') {
            i++;
        }
        i = line.skipSpaces(i);
        int id = -1;
        if (line.matches(i, "id ")) {
            int from = line.skipSpaces(i + 3);
            int to = from;
            while (to < line.end && ByteLine.isDigit(line.bytes[to])) {
                to++;
            }
            id = (int) number(from, to, STALLED, "the pool's id");
            i = to;
            if (i < line.end && line.bytes[i] == ',') {
                i++;
            }
            i = line.skipSpaces(i);
        }
        int inflightEnd = line.skipWord(i);
        int inflight = (int) number(i, inflightEnd, STALLED, "the number of pages in flight");
        int word = line.skipSpaces(inflightEnd);
        if (!line.matches(word, "inflight ")) {
            throw new CaptureException(file, line.number, STALLED + ": expected \"inflight\" after "
                    + inflight + ", found " + Tokens.quote(line.text(word, line.end)));
        }
        int secFrom = line.skipSpaces(word + "inflight ".length());
        int secTo = line.skipWord(secFrom);
        int seconds = (int) number(secFrom, secTo, STALLED, "the seconds it has waited");
        emit(at, KernelEvent.Kind.STALLED, id, device(at), inflight, seconds, 0, line.text(message(at), line.end));
    }

    /** 6.x drafts name the interface: {@code page_pool_release_retry(): eth0 stalled pool shutdown}. */
    private String device(int at) {
        int call = line.indexOf("(): ");
        if (call < 0 || call > at) {
            return "";
        }
        return line.text(call + 4, at);
    }

    private long number(int from, int to, String what, String expected) throws CaptureException {
        try {
            return Scan.signed(line.bytes, from, to, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } catch (Scan.Bad e) {
            throw new CaptureException(file, line.number, what + ": expected " + expected + ", found "
                    + Tokens.quote(line.text(from, Math.max(to, line.skipWord(from)))));
        }
    }

    private void emit(int at, KernelEvent.Kind kind, int id, String device, int inflight, int seconds, int errno,
                      String text) {
        events++;
        sink.kernelEvent(new KernelEvent(time(at), kind, id, device, inflight, seconds, errno, text,
                Show.fileName(file) + ":" + line.number));
    }

    /** Where the message starts: after the last {@code [ seconds]} stamp, or after {@code kernel: }. */
    private int message(int at) {
        int stampEnd = lastStamp(at, true);
        if (stampEnd >= 0) {
            return stampEnd;
        }
        int kernel = line.indexOf("kernel: ");
        return kernel >= 0 && kernel < at ? kernel + "kernel: ".length() : line.start;
    }

    private long time(int at) {
        return lastStamp(at, false) == -1 ? Capture.NO_TIME : stampNs;
    }

    /**
     * The last {@code [  123.456789]} before {@code at}: its end (after the
     * bracket and spaces) when {@code end}, and its time in {@link #stampNs}; -1 if none.
     */
    private int lastStamp(int at, boolean end) {
        int found = -1;
        byte[] b = line.bytes;
        for (int i = line.start; i < at; i++) {
            if (b[i] != '[') {
                continue;
            }
            int j = i + 1;
            while (j < at && b[j] == ' ') {
                j++;
            }
            int digits = j;
            while (j < at && (ByteLine.isDigit(b[j]) || b[j] == '.')) {
                j++;
            }
            if (j < at && b[j] == ']' && j > digits) {
                try {
                    stampNs = Scan.secondsToNs(b, digits, j);
                    found = end ? line.skipSpaces(j + 1) : j;
                } catch (Scan.Bad e) {
                    // not a time stamp: [eth0] or the like
                }
            }
        }
        return found;
    }
}
