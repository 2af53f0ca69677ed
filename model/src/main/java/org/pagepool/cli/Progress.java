// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One line of progress on standard error, overwritten in place: simulated
 * time, packets, the simulated packet rate and an estimate of the wall time
 * left. Only when standard error is a terminal, only for runs longer than
 * about a second, and at most {@value #PER_SECOND} times a second; in CI and
 * through a pipe or a file there is none ({@link #none()}).
 */
public final class Progress {
    private static final long FIRST_AFTER_NS = 1_000_000_000L;
    private static final int PER_SECOND = 4;
    private static final long EVERY_NS = 1_000_000_000L / PER_SECOND;

    private final PrintStream err;
    private final LongSupplier wallClock;
    private long started;
    private long nextUpdate;
    /** When the update being shown was found due. */
    private long shownAt;
    private boolean shown;

    private Progress(PrintStream err, LongSupplier wallClock) {
        this.err = err;
        this.wallClock = wallClock;
    }

    /** No progress at all. */
    public static Progress none() {
        return new Progress(null, System::nanoTime);
    }

    /** Progress on {@code err} (a terminal), timed by {@code wallClock} (ns). */
    public static Progress on(PrintStream err, LongSupplier wallClock) {
        return new Progress(err, wallClock);
    }

    /** Progress on standard error when it is a terminal ({@link #stderrIsTerminal}), else none. */
    public static Progress onTerminal() {
        return stderrIsTerminal() ? on(System.err, System::nanoTime) : none();
    }

    /**
     * Whether standard error is a terminal. {@code System.console()} only says
     * that standard input and output are; so this asks where descriptor 2
     * goes (Linux: {@code /proc/self/fd/2}), and says no in CI, on a dumb
     * terminal, and wherever it cannot tell.
     */
    public static boolean stderrIsTerminal() {
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty() && !ci.equals("false") || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The run begins now. */
    public void start() {
        started = wallClock.getAsLong();
        nextUpdate = started + FIRST_AFTER_NS;
    }

    /**
     * Shows the run's state if an update is due; cheap otherwise.
     *
     * @param doneShare how much of the run is done, 0 to 1 (for the time left)
     */
    public void update(long simulatedNs, long limitNs, long packets, double doneShare) {
        if (due()) {
            double seconds = simulatedNs / 1e9;
            show(String.format(Locale.ROOT, "%.3f of %s s simulated, %,d packets, %.2f Mpps", seconds,
                    WorkloadReport.seconds(limitNs), packets, seconds > 0 ? packets / seconds / 1e6 : 0.0), doneShare);
        }
    }

    /**
     * Shows {@code state} (what is done so far, in the caller's words) and the
     * time left if an update is due; {@code state} is only asked for then.
     */
    public void update(Supplier<String> state, double doneShare) {
        if (due()) {
            show(state.get(), doneShare);
        }
    }

    private boolean due() {
        if (err == null) {
            return false;
        }
        long now = wallClock.getAsLong();
        if (now < nextUpdate) {
            return false;
        }
        nextUpdate = now + EVERY_NS;
        shownAt = now;
        return true;
    }

    private void show(String state, double doneShare) {
        StringBuilder line = new StringBuilder(100).append('\r').append(state);
        if (doneShare > 0) {
            double left = (shownAt - started) / 1e9 * (1 - doneShare) / doneShare;
            line.append(", about ").append(duration(left)).append(" left");
        }
        line.append("\033[K");
        err.print(line);
        err.flush();
        shown = true;
    }

    /** Removes the line, before the summary or an error is printed. */
    public void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%d s", Math.max(1, Math.round(seconds)));
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min", Math.round(seconds / 60));
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
