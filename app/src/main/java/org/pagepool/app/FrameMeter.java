// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.util.Arrays;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.pagepool.view.ModelView;

/**
 * {@code --measure-frames S}: plays the preset as fast as possible and
 * reports the interval between pulses (median, 99th percentile) and how
 * fast the simulator ran meanwhile, then exits.
 */
final class FrameMeter {
    private static final long WARMUP_NS = 2_000_000_000L;

    private final AppController controller;
    private final MainWindow window;
    private final double seconds;
    private final long[] intervals;
    private int count;
    private long started;
    private long last;
    private long packetsAtStart;

    FrameMeter(AppController controller, MainWindow window, double seconds) {
        this.controller = controller;
        this.window = window;
        this.seconds = seconds;
        this.intervals = new long[(int) Math.min(10_000_000, seconds * 1000 + 1000)];
    }

    void begin() {
        controller.setSpeed(Double.POSITIVE_INFINITY);
        controller.play();
        window.setFrameListener(this::frame);
    }

    private void frame(long now) {
        if (started == 0) {
            started = now;
            return;
        }
        if (now - started < WARMUP_NS) {
            last = now;
            ModelView v = controller.view();
            packetsAtStart = v.nic() == null ? 0 : v.nic().processed();
            return;
        }
        if (count < intervals.length) {
            intervals[count++] = now - last;
        }
        last = now;
        if (now - started >= WARMUP_NS + (long) (seconds * 1e9)) {
            window.setFrameListener(null);
            report((now - started - WARMUP_NS) / 1e9);
        }
    }

    private void report(double elapsed) {
        long[] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted);
        ModelView v = controller.view();
        long packets = (v.nic() == null ? 0 : v.nic().processed()) - packetsAtStart;
        System.out.printf(Locale.ROOT, "frames: %d in %.1f s (%.1f per second)%n", count, elapsed, count / elapsed);
        System.out.printf(Locale.ROOT, "pulse interval: median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                percentile(sorted, 0.50), percentile(sorted, 0.99), count == 0 ? 0 : sorted[count - 1] / 1e6);
        System.out.printf(Locale.ROOT, "simulator: %.2f M packets per wall second (%s)%n", packets / elapsed / 1e6,
                v.title());
        PauseTransition exit = new PauseTransition(Duration.millis(10));
        exit.setOnFinished(e -> PagePoolApp.finish(0));
        exit.play();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
