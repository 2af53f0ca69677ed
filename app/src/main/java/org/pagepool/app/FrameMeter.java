// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.pagepool.view.ModelView;

/**
 * {@code --measure-frames S}: plays the preset as fast as possible and
 * reports the interval between pulses (median, 99th percentile), how long
 * the FX thread worked in a pulse (the window's pulse, CSS and layout, up to
 * the hand-over to the renderer), the slow pulses and how many of them a
 * garbage collection fell in, and how fast the simulator ran meanwhile;
 * then exits.
 */
final class FrameMeter {
    private static final long WARMUP_NS = 2_000_000_000L;
    /** A pulse interval above this is slow (the p99 target). */
    private static final long SLOW_NS = 25_000_000L;

    private final AppController controller;
    private final MainWindow window;
    private final double seconds;
    private final long[] intervals;
    private final long[] work;
    private int count;
    /** Where each slow interval began and ended, as pairs. */
    private final List<long[]> slow = new ArrayList<>();
    private final GcPauses gc = new GcPauses();
    private final CpuShares cpu = new CpuShares();
    private final Runnable afterLayout = this::laidOut;
    /** When the FX thread entered the pulse being measured (System.nanoTime), 0 when none. */
    private long pulseEntered;
    private long started;
    private long last;
    private long packetsAtStart;

    FrameMeter(AppController controller, MainWindow window, double seconds) {
        this.controller = controller;
        this.window = window;
        this.seconds = seconds;
        this.intervals = new long[(int) Math.min(10_000_000, seconds * 1000 + 1000)];
        this.work = new long[intervals.length];
    }

    void begin() {
        controller.setSpeed(Double.POSITIVE_INFINITY);
        controller.play();
        window.setFrameListener(this::frame);
        window.scene().addPostLayoutPulseListener(afterLayout);
        gc.listen();
    }

    /** After the pulse's layout: the FX thread's share of the frame is done, the renderer's begins. */
    private void laidOut() {
        if (pulseEntered != 0 && count > 0 && count <= work.length) {
            work[count - 1] = System.nanoTime() - pulseEntered;
        }
        pulseEntered = 0;
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
            cpu.start();
            return;
        }
        if (count < intervals.length) {
            pulseEntered = System.nanoTime();
            intervals[count++] = now - last;
            if (now - last > SLOW_NS) {
                slow.add(new long[] {last, now});
            }
        }
        last = now;
        if (now - started >= WARMUP_NS + (long) (seconds * 1e9)) {
            window.setFrameListener(null);
            window.scene().removePostLayoutPulseListener(afterLayout);
            gc.stop();
            report((now - started - WARMUP_NS) / 1e9, started + WARMUP_NS);
        }
    }

    private void report(double elapsed, long measuredFrom) {
        long[] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted);
        long[] fx = Arrays.copyOf(work, count);
        Arrays.sort(fx);
        ModelView v = controller.view();
        long packets = (v.nic() == null ? 0 : v.nic().processed()) - packetsAtStart;
        System.out.printf(Locale.ROOT, "frames: %d in %.1f s (%.1f per second)%n", count, elapsed, count / elapsed);
        System.out.printf(Locale.ROOT, "pulse interval: median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                percentile(sorted, 0.50), percentile(sorted, 0.99), count == 0 ? 0 : sorted[count - 1] / 1e6);
        System.out.printf(Locale.ROOT, "FX thread per pulse (timers, CSS, layout): median %.2f ms, p99 %.2f ms,"
                + " max %.2f ms%n", percentile(fx, 0.50), percentile(fx, 0.99), count == 0 ? 0 : fx[count - 1] / 1e6);
        List<GcPauses.Pause> pauses = gc.since(measuredFrom);
        long inSlow = slow.stream().filter(s -> pauses.stream().anyMatch(p -> p.startNs() < s[1]
                && p.endNs() > s[0])).count();
        System.out.printf(Locale.ROOT, "slow pulses (over %d ms): %d, %d of them with a GC pause inside; GC: %d"
                + " pauses, %d ms in all, the longest %d ms%n", SLOW_NS / 1_000_000, slow.size(), inSlow,
                pauses.size(), pauses.stream().mapToLong(GcPauses.Pause::millis).sum(),
                pauses.stream().mapToLong(GcPauses.Pause::millis).max().orElse(0));
        System.out.println("CPU per frame: " + cpu.perFrame(count));
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
