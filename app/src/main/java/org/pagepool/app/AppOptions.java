// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

/**
 * The app's command line, checked before JavaFX starts so that a bad option
 * is one line and exit status 2:
 * <pre>
 *   [--preset FILE] [--script FILE] [--theme light|dark|contrast] [--size WxH]
 *   --headless --preset FILE --run-for SECONDS --screenshot OUT.png [--size 1280x720]
 *   --measure-frames SECONDS [--headless] [--preset FILE]
 * </pre>
 *
 * @param preset        a preset file, or the name of one in the app's assets; null for the default
 * @param runForNs      simulated time to run before the screenshot
 * @param measureFrames seconds of frame-pacing measurement, 0 for none
 */
public record AppOptions(String preset, String script, boolean headless, long runForNs, String screenshot, int width,
                         int height, double measureFrames, String theme) {

    static final String USAGE = String.join("\n",
            "usage: pagepool-app [--preset FILE] [--script FILE.pool] [--theme light|dark|contrast] [--size WxH]",
            "       pagepool-app --headless --preset FILE --run-for SECONDS --screenshot OUT.png [--size 1280x720]",
            "       pagepool-app --measure-frames SECONDS [--headless] [--preset FILE] [--size WxH]",
            "");

    /** A bad command line; the message is the whole story. */
    static final class BadOptions extends Exception {
        private static final long serialVersionUID = 1L;

        BadOptions(String message) {
            super(message, null, false, false);
        }
    }

    static AppOptions parse(String[] args) throws BadOptions {
        String preset = null;
        String script = null;
        boolean headless = false;
        double runFor = -1;
        String screenshot = null;
        int width = 1280;
        int height = 720;
        double measure = 0;
        String theme = "light";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--headless")) {
                headless = true;
                continue;
            }
            if (option.equals("--help") || option.equals("-h")) {
                throw new BadOptions("help");
            }
            if (!option.startsWith("--")) {
                throw new BadOptions("unexpected argument \"" + option + "\" (options start with --)");
            }
            if (i + 1 >= args.length) {
                throw new BadOptions(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--preset":
                    preset = value;
                    break;
                case "--script":
                    script = value;
                    break;
                case "--run-for":
                    runFor = nonNegative(option, value);
                    break;
                case "--screenshot":
                    screenshot = value;
                    break;
                case "--size": {
                    String[] parts = value.split("x");
                    if (parts.length != 2) {
                        throw new BadOptions("--size needs WIDTHxHEIGHT, e.g. 1280x720, not \"" + value + "\"");
                    }
                    width = dimension(parts[0], value);
                    height = dimension(parts[1], value);
                    break;
                }
                case "--measure-frames":
                    measure = nonNegative(option, value);
                    if (measure == 0) {
                        throw new BadOptions("--measure-frames needs a number of seconds above 0");
                    }
                    break;
                case "--theme":
                    if (!value.equals("light") && !value.equals("dark") && !value.equals("contrast")) {
                        throw new BadOptions("--theme is light, dark or contrast, not \"" + value + "\"");
                    }
                    theme = value;
                    break;
                default:
                    throw new BadOptions("unknown option " + option + " (try --help)");
            }
        }
        if (screenshot != null || runFor >= 0) {
            if (!headless || screenshot == null || runFor < 0 || preset == null) {
                throw new BadOptions("a screenshot needs --headless --preset FILE --run-for SECONDS"
                        + " --screenshot OUT.png");
            }
        } else if (headless && measure == 0) {
            throw new BadOptions("--headless needs --screenshot (with --run-for and --preset) or --measure-frames");
        }
        if (script != null && (screenshot != null || measure > 0)) {
            throw new BadOptions("--script opens a window: it does not go with --screenshot or --measure-frames");
        }
        return new AppOptions(preset, script, headless, runFor < 0 ? 0 : (long) (runFor * 1e9), screenshot, width,
                height, measure, theme);
    }

    private static double nonNegative(String option, String value) throws BadOptions {
        try {
            double d = Double.parseDouble(value);
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadOptions(option + " needs a number of seconds, not \"" + value + "\"");
    }

    private static int dimension(String text, String whole) throws BadOptions {
        try {
            int n = Integer.parseInt(text);
            if (n >= 320 && n <= 8192) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadOptions("--size needs WIDTHxHEIGHT between 320 and 8192 pixels, not \"" + whole + "\"");
    }

    boolean screenshotMode() {
        return screenshot != null;
    }
}
