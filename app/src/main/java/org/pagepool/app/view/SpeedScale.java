// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pagepool.view.ModelView;
import org.pagepool.view.ScriptView;
import org.pagepool.run.Unit;
import org.pagepool.workload.Param;

/**
 * The speed slider's stops, in words a class understands. A speed is a
 * factor of real time (simulated seconds per wall second); the slider steps
 * through round values of what one sees: "1 kernel call/s" up to a few
 * hundred of the step's unit a second, then round fractions of real time
 * ("1/1,000 of real time") up to "real time", then "max" (as fast as
 * possible). A script steps in lines a second. Immutable.
 */
public final class SpeedScale {
    /** The slider's range: its stops spread evenly over 0..MAX, the last being "max". */
    public static final double MAX = 100;
    /** The slowest a live run goes when its pace is not known yet. */
    static final double SLOWEST_FRACTION = 1e-7;
    /** Rates of the step's unit are said below this; faster, as fractions of real time. */
    static final double MOST_PER_SECOND = 1000;
    private static final double[] ROUND = {1, 2, 5};

    /** What one step is, and how many of them happen per simulated second (0: not known yet). */
    public record Pace(String singular, String plural, double perSimSecond) {
        /** A pace that is not known: the slider speaks in fractions of real time. */
        public static final Pace UNKNOWN = new Pace("", "", 0);
        /** A script: a line per step, two lines per simulated second. */
        public static final Pace SCRIPT_LINES = new Pace("line", "lines", 1e9 / ScriptView.LINE_NS);

        public boolean known() {
            return perSimSecond > 0;
        }
    }

    private final Pace pace;
    private final double[] factors;

    private SpeedScale(Pace pace, double[] factors) {
        this.pace = pace;
        this.factors = factors;
    }

    /** A live run's stops: so many steps a second, then fractions of real time up to real time, then max. */
    public static SpeedScale live(Pace pace) {
        List<Double> stops = new ArrayList<>();
        if (pace.known()) {
            for (double v : roundValues(1, MOST_PER_SECOND / 2)) {
                double f = v / pace.perSimSecond();
                if (f < 1) {
                    stops.add(f);
                }
            }
        }
        List<Double> denominators = roundValues(1, 1e12);
        for (int i = denominators.size() - 1; i >= 0; i--) {
            double f = 1 / denominators.get(i);
            // a fraction where the steps a second are too many to say, or all of them without a pace
            if (pace.known() ? round(f * pace.perSimSecond()) >= MOST_PER_SECOND : f >= SLOWEST_FRACTION) {
                stops.add(f);
            }
        }
        return of(pace, stops);
    }

    /** A script's stops: from a line every five seconds to 200 lines a second, then max. */
    public static SpeedScale script() {
        Pace lines = Pace.SCRIPT_LINES;
        List<Double> stops = new ArrayList<>();
        for (double v : roundValues(0.2, 200)) {
            stops.add(v / lines.perSimSecond());
        }
        return of(lines, stops);
    }

    private static SpeedScale of(Pace pace, List<Double> stops) {
        double[] factors = new double[stops.size() + 1];
        for (int i = 0; i < stops.size(); i++) {
            factors[i] = stops.get(i);
        }
        factors[stops.size()] = Double.POSITIVE_INFINITY;
        return new SpeedScale(pace, factors);
    }

    /** 1, 2, 5, 10, 20, ... from {@code from} to {@code to} inclusive (from a power of ten times 1, 2 or 5). */
    private static List<Double> roundValues(double from, double to) {
        List<Double> values = new ArrayList<>();
        for (int exp = (int) Math.floor(Math.log10(from)); ; exp++) {
            for (double d : ROUND) {
                double v = new BigDecimal(d).scaleByPowerOfTen(exp).doubleValue();
                if (v > to * (1 + 1e-9)) {
                    return values;
                }
                if (v >= from * (1 - 1e-9)) {
                    values.add(v);
                }
            }
        }
    }

    /**
     * The pace of what the user steps by in {@code view}: kernel calls and
     * NAPI polls as the run has had them so far (after its first
     * millisecond), packets at the traffic's rate, a script's lines.
     */
    public static Pace paceOf(ModelView view, Unit unit) {
        if (!view.live()) {
            return Pace.SCRIPT_LINES;
        }
        double seconds = view.timeNs() / 1e9;
        boolean measured = view.timeNs() >= 1_000_000L;
        if ((unit == Unit.KERNEL_CALL || unit == Unit.QUEUE_CALL) && measured && view.position() > 0) {
            return new Pace("kernel call", "kernel calls", view.position() / seconds);
        }
        if (unit == Unit.POLL && measured && view.nic() != null && view.nic().polls() > 0) {
            return new Pace("NAPI poll", "NAPI polls", view.nic().polls() / seconds);
        }
        double rate = view.params() == null ? 0 : view.params().get(Param.RATE);
        return rate > 0 ? new Pace("packet", "packets", rate) : Pace.UNKNOWN;
    }

    public Pace pace() {
        return pace;
    }

    /** How many stops the slider has (the last is "max"). */
    public int stops() {
        return factors.length;
    }

    /** The speed of stop {@code i}. */
    public double stop(int i) {
        return factors[i];
    }

    /** The slider's distance between two stops. */
    public double step() {
        return MAX / (factors.length - 1);
    }

    /** The speed at the stop nearest to slider position {@code slider}. */
    public double factor(double slider) {
        int i = (int) Math.round(slider / step());
        return factors[Math.max(0, Math.min(factors.length - 1, i))];
    }

    /** The slider position of the stop nearest to {@code factor} (on a log scale). */
    public double slider(double factor) {
        if (Double.isInfinite(factor)) {
            return MAX;
        }
        int best = 0;
        for (int i = 1; i < factors.length - 1; i++) {
            if (Math.abs(Math.log(factors[i] / factor)) < Math.abs(Math.log(factors[best] / factor))) {
                best = i;
            }
        }
        return best * step();
    }

    /** The speed in words: "max", "1 kernel call/s", "20 packets/s", "1/10,000 of real time", "real time". */
    public String label(double factor) {
        if (Double.isInfinite(factor)) {
            return "max";
        }
        double perSecond = factor * pace.perSimSecond();
        if (pace.known() && round(perSecond) < MOST_PER_SECOND) {
            String n = plain(round(perSecond));
            return n + " " + (n.equals("1") ? pace.singular() : pace.plural()) + "/s";
        }
        if (Math.abs(factor - 1) < 1e-9) {
            return "real time";
        }
        if (factor > 1) {
            return plain(round(factor)) + "× real time";
        }
        return String.format(Locale.ROOT, "1/%,d of real time", (long) round(1 / factor));
    }

    /** Two significant digits. */
    private static double round(double v) {
        return v <= 0 ? 0 : new BigDecimal(v).round(new MathContext(2)).doubleValue();
    }

    private static String plain(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
