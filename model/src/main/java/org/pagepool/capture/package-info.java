// SPDX-License-Identifier: GPL-2.0-only
/**
 * Captures from real machines: what a running kernel reports about its page
 * pools, read into one timeline that the report, the app's "Real system" mode
 * and "simulate this" share.
 *
 * <p>Four formats: tracepoint text ({@code /sys/kernel/tracing/trace},
 * {@code trace-cmd report}, {@code perf script}), kernel log lines
 * ({@code dmesg}, {@code journalctl -k}), {@code ethtool -S} samples with
 * times, and the YNL CLI's netlink dumps (JSON or Python literals). Every
 * reader streams: a file is read line by line into one reused byte buffer,
 * numbers are parsed from the bytes, and what is kept is primitive tables
 * (open-addressed hash maps of pfns, binned series, a log histogram), so a
 * gigabyte of trace costs the size of its pools, not of its lines.
 *
 * <p>Threads: an import runs on one thread ({@link org.pagepool.capture.CaptureImporter}
 * is not thread-safe); the {@link org.pagepool.capture.Capture} it returns is
 * immutable and may be handed to any thread. Nothing here depends on the
 * simulation, the runner, the command line or JavaFX.
 */
package org.pagepool.capture;
