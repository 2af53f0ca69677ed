// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * One file of a capture, as it was read (immutable).
 *
 * @param name    the file as the user named it (or as found in a directory)
 * @param format  how it was read
 * @param detail  more about the format, e.g. {@code perf script layout}; "" if nothing
 * @param lines   lines read
 * @param records what it contributed: events, samples or log lines about pools
 */
public record SourceFile(String name, CaptureFormat format, String detail, long lines, long records) {
}
