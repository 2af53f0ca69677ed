// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/** The kinds of file a capture is made of. */
public enum CaptureFormat {
    /** page_pool tracepoints as text: tracefs {@code trace}, {@code trace-cmd report}, {@code perf script}. */
    TRACE("tracepoints"),
    /** {@code dmesg} or {@code journalctl -k}. */
    KERNEL_LOG("kernel log"),
    /** {@code ethtool -S IFACE} snapshots, each after a {@code # time} line. */
    ETHTOOL("ethtool -S samples"),
    /** The YNL CLI's {@code page-pool-get} / {@code page-pool-stats-get} dumps, JSON or Python literals. */
    NETLINK("netlink dumps"),
    /** {@code ip -o link} output: interface indexes and names. */
    LINKS("interface names"),
    /** What the capture script writes about the capture itself ({@code key=value}). */
    META("capture notes"),
    /** A file in a capture directory that is none of these: skipped. */
    SKIPPED("not recognised, skipped");

    private final String description;

    CaptureFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
