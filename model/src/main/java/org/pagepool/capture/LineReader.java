// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream line by line into one reused buffer: no string and no array
 * per line. A line ends at LF; a CR before it is dropped. The last line may
 * lack its LF. A line longer than {@link #MAX_LINE} bytes is refused (no
 * capture format has one; a binary file usually does).
 */
final class LineReader implements Closeable {
    static final int MAX_LINE = 1 << 20;
    private final InputStream in;
    private final String file;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int scanned;
    private boolean eof;
    private long lineNumber;
    private long consumed;

    LineReader(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    /** Fills {@code line} with the next line; false at the end of the input. */
    boolean next(ByteLine line) throws IOException, CaptureException {
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    emit(line, i, i + 1);
                    return true;
                }
            }
            scanned = limit;
            if (eof) {
                if (position < limit) {
                    emit(line, limit, limit);
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    /** Lines handed out so far. */
    long lineNumber() {
        return lineNumber;
    }

    /** Bytes of the input consumed by the lines handed out so far (for progress). */
    long consumed() {
        return consumed;
    }

    private void emit(ByteLine line, int lineEnd, int next) {
        int end = lineEnd;
        if (end > position && buffer[end - 1] == '\r') {
            end--;
        }
        lineNumber++;
        consumed += next - position;
        line.set(buffer, position, end, lineNumber);
        position = next;
        scanned = next;
    }

    private void fill() throws IOException, CaptureException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            scanned -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= MAX_LINE) {
                throw new CaptureException(file, lineNumber + 1, "line longer than " + MAX_LINE / 1024
                        + " KiB: not a text capture (a binary file?)");
            }
            byte[] bigger = new byte[Math.min(MAX_LINE, buffer.length * 2)];
            System.arraycopy(buffer, 0, bigger, 0, limit);
            buffer = bigger;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
