// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import org.pagepool.app.gif.GifRegion;
import org.pagepool.app.gif.GifRequest;
import org.pagepool.cli.UsageErrors;
import org.pagepool.text.Numbers;
import org.pagepool.text.Tokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The app's command line, on picocli, checked before JavaFX starts so that a
 * bad option (a misspelt one gets a suggestion, a repeated one is refused) is
 * one line and exit status 2:
 * <pre>
 *   [--preset FILE] [--script FILE] [--theme light|dark|contrast] [--size WxH]
 *   --headless --preset FILE --run-for SECONDS --screenshot OUT.png [--size 1280x720]
 *   --headless --capture PATH --screenshot OUT.png [--size 1280x720]
 *   --measure-frames SECONDS [--headless] [--preset FILE]
 *   --headless --preset FILE --gif OUT.gif --run-for SECONDS [--speed F] [--gif-fps N] [--gif-region R]
 *       [--gif-from SECONDS]
 * </pre>
 *
 * @param preset        a preset file, or the name of one in the app's assets; null for the default
 * @param runForNs      simulated time to run before the screenshot
 * @param measureFrames seconds of frame-pacing measurement, 0 for none
 * @param scale         the presentation scale in per cent, 100 to 200
 * @param capture       a real machine's capture (a file or the capture script's directory) to open, or null
 * @param gif           an animated GIF to write (its length is {@code --run-for}), or null
 */
public record AppOptions(String preset, String script, boolean headless, long runForNs, String screenshot, int width,
                         int height, double measureFrames, String theme, int scale, String capture, GifRequest gif) {

    /** A bad command line; the message is the whole story. */
    static final class BadOptions extends Exception {
        private static final long serialVersionUID = 1L;

        BadOptions(String message) {
            super(message, null, false, false);
        }
    }

    /** The options as picocli reads them: each at most once, numbers in the README's forms. */
    @Command(name = "pagepool-app", sortOptions = false, synopsisHeading = "", usageHelpWidth = 110,
            description = "PagePool Visualizer: the Linux v5.14 page_pool allocator, animated.",
            customSynopsis = {
                "usage: pagepool-app [--preset FILE] [--script FILE.pool] [--theme light|dark|contrast] [--size WxH]"
                    + " [--scale 100..200]",
                "       pagepool-app --headless --preset FILE --run-for SECONDS --screenshot OUT.png [--size 1280x720]",
                "       pagepool-app --headless --capture PATH --screenshot OUT.png [--size 1280x720]",
                "       pagepool-app --measure-frames SECONDS [--headless] [--preset FILE] [--size WxH]",
                "       pagepool-app --headless --preset FILE --gif OUT.gif --run-for SECONDS [--speed F] [--gif-fps N]"
                    + " [--gif-region R] [--gif-from SECONDS]"})
    static final class Line {
        @Option(names = "--preset", paramLabel = "FILE", description = "a preset file, or the name of a shipped one")
        String preset;
        @Option(names = "--script", paramLabel = "FILE.pool", description = "open a .pool script to step through")
        String script;
        @Option(names = "--headless", description = "render without a display (Monocle)")
        boolean headless;
        @Option(names = "--run-for", paramLabel = "SECONDS", converter = RunForSeconds.class,
                description = "simulated seconds to run before the screenshot (0 to 1000000);"
                        + " with --gif, the GIF's length"
                        + " in seconds as watched (above 0, at most 600)")
        Double runFor;
        @Option(names = "--screenshot", paramLabel = "OUT.png", description = "write a screenshot and exit")
        String screenshot;
        @Option(names = "--size", paramLabel = "WxH", converter = Size.class,
                description = "window size, from 1024x600 up to 8192 each way and 3840x2160 pixels in all"
                        + " (default 1280x720)")
        Pixels size = new Pixels(1280, 720);
        @Option(names = "--measure-frames", paramLabel = "SECONDS", converter = Seconds.class,
                description = "measure frame pacing for SECONDS wall seconds (above 0, at most 1000000)")
        Double measure;
        @Option(names = "--theme", paramLabel = "light|dark|contrast", converter = Theme.class,
                description = "colours: light, dark or contrast (high contrast, for projectors)")
        String theme = "light";
        @Option(names = "--scale", paramLabel = "100..200", converter = Percent.class,
                description = "type, lines and marks at this many per cent, for a projector (default 100;"
                        + " at most what the window holds: 125 at 1280x720)")
        int scale = 100;
        @Option(names = "--capture", paramLabel = "PATH",
                description = "open a real machine's capture (files or the capture script's directory) in the Real"
                        + " system tab")
        String capture;
        @Option(names = "--gif", paramLabel = "OUT.gif",
                description = "write the animation as a looping GIF, --run-for SECONDS long, and exit")
        String gif;
        @Option(names = "--gif-fps", paramLabel = "N", description = "GIF frames a second, 1 to 50 (default 10)")
        String gifFps;
        @Option(names = "--gif-region", paramLabel = "REGION",
                description = "what the GIF shows: all, journey, device, cache, ring, buddy or sockets (default all)")
        String gifRegion;
        @Option(names = "--gif-from", paramLabel = "SECONDS", converter = Seconds.class,
                description = "simulated time the GIF starts at (default 0)")
        Double gifFrom;
        @Option(names = "--speed", paramLabel = "FACTOR",
                description = "the GIF's speed: simulated seconds per second, e.g. 1e-4 (default: the preset's)")
        String speed;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    /** The usage text, as {@code --help} prints it. */
    static String usage() {
        return new CommandLine(new Line()).setColorScheme(CommandLine.Help.defaultColorScheme(
                CommandLine.Help.Ansi.OFF)).getUsageMessage();
    }

    static AppOptions parse(String[] args) throws BadOptions {
        Line line = new Line();
        CommandLine commandLine = new CommandLine(line).setExpandAtFiles(false);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new BadOptions(UsageErrors.message(e));
        }
        if (commandLine.isUsageHelpRequested()) {
            throw new BadOptions("help");
        }
        double runFor = line.runFor == null ? -1 : line.runFor;
        double measure = line.measure == null ? 0 : line.measure;
        if (line.measure != null && measure == 0) {
            throw new BadOptions("--measure-frames needs a number of seconds above 0");
        }
        if ("".equals(line.screenshot) || "".equals(line.gif)) {
            throw new BadOptions(("".equals(line.gif) ? "--gif" : "--screenshot") + " needs a file name");
        }
        if (line.script != null && (line.screenshot != null || measure > 0)) {
            throw new BadOptions("--script opens a window: it does not go with --screenshot or --measure-frames");
        }
        if (measure > 0 && (line.screenshot != null || line.gif != null)) {
            throw new BadOptions("--measure-frames plays a window: it does not go with --screenshot or --gif");
        }
        GifRequest gif = gif(line, runFor);
        if (gif != null) {
            runFor = -1;
        } else if (line.capture != null && line.screenshot != null) {
            if (!line.headless || runFor >= 0) {
                throw new BadOptions("a screenshot of a capture needs --headless --capture PATH --screenshot OUT.png"
                        + " (no --run-for)");
            }
        } else if (line.screenshot != null || runFor >= 0) {
            if (!line.headless || line.screenshot == null || runFor < 0 || line.preset == null) {
                throw new BadOptions("a screenshot needs --headless --preset FILE --run-for SECONDS"
                        + " --screenshot OUT.png");
            }
        } else if (line.headless && measure == 0) {
            throw new BadOptions("--headless needs --screenshot (with --run-for and --preset), --gif or"
                    + " --measure-frames");
        }
        if (line.capture != null && (line.script != null || measure > 0)) {
            throw new BadOptions("--capture does not go with --script or --measure-frames");
        }
        return new AppOptions(line.preset, line.script, line.headless, runFor < 0 ? 0 : (long) (runFor * 1e9),
                line.screenshot, line.size.width(), line.size.height(), measure, line.theme, line.scale, line.capture,
                gif);
    }

    /** The GIF asked for, checked, or null when {@code --gif} is not given (then no GIF option may be). */
    private static GifRequest gif(Line line, double runFor) throws BadOptions {
        if (line.gif == null) {
            for (String option : new String[] {line.gifFps == null ? null : "--gif-fps",
                line.gifRegion == null ? null : "--gif-region", line.gifFrom == null ? null : "--gif-from",
                line.speed == null ? null : "--speed"}) {
                if (option != null) {
                    throw new BadOptions(option + " goes with --gif OUT.gif");
                }
            }
            return null;
        }
        if (!line.headless || line.preset == null || line.runFor == null || line.screenshot != null
                || line.script != null || line.measure != null) {
            throw new BadOptions("a GIF needs --headless --preset FILE --gif OUT.gif --run-for SECONDS"
                    + " (and no --screenshot, --script or --measure-frames)");
        }
        if (!(runFor > 0) || runFor > GifRequest.MAX_SECONDS) {
            throw new BadOptions("--run-for: a GIF lasts above 0 and at most " + (int) GifRequest.MAX_SECONDS
                    + " seconds");
        }
        if ((long) line.size.width() * line.size.height() > GIF_MAX_PIXELS) {
            // its frames are snapshots of the scene: at 4K the 256 MB heap cannot hold them
            throw new BadOptions("--size: a GIF is at most 1920x1080 pixels in all, not " + line.size.width() + "x"
                    + line.size.height());
        }
        int fps = GifRequest.DEFAULT_FPS;
        if (line.gifFps != null) {
            String f = line.gifFps;
            boolean digits = !f.isEmpty() && f.length() <= 2 && f.chars().allMatch(c -> c >= '0' && c <= '9');
            fps = digits ? Integer.parseInt(f) : 0;
            if (fps < 1 || fps > GifRequest.MAX_FPS) {
                throw new BadOptions("--gif-fps: 1 to " + GifRequest.MAX_FPS + " frames a second, not "
                        + Tokens.quote(f));
            }
        }
        GifRegion region = line.gifRegion == null ? GifRegion.ALL : GifRegion.named(line.gifRegion);
        if (region == null) {
            throw new BadOptions("--gif-region: " + GifRegion.names() + ", not " + Tokens.quote(line.gifRegion));
        }
        double speed = Double.NaN;
        if (line.speed != null) {
            try {
                speed = Numbers.number(line.speed, false);
            } catch (Numbers.BadNumber e) {
                speed = -1;
            }
            if (!(speed > 0) || speed > 1000) {
                throw new BadOptions("--speed: simulated seconds per second, above 0 and at most 1000, written like"
                        + " 1e-4 or 0.002, not " + Tokens.quote(line.speed));
            }
        }
        long fromNs = line.gifFrom == null ? 0 : (long) (line.gifFrom * 1e9);
        return new GifRequest(line.gif, (long) (runFor * 1e9), fps, region, speed, fromNs);
    }

    /** Seconds: a number as the README writes them ({@code 0.15}, {@code 2e-3}), 0 to 1,000,000. */
    static class Seconds implements CommandLine.ITypeConverter<Double> {
        /** What the refusal says is allowed. */
        String allowed() {
            return "0 to 1000000 seconds";
        }

        @Override
        public Double convert(String text) {
            String range = "; allowed: " + allowed() + ", written like 0.15 or 2e-3";
            double s;
            try {
                s = Numbers.number(text, false);
            } catch (Numbers.BadNumber e) {
                throw new CommandLine.TypeConversionException(e.getMessage() + range);
            }
            if (s > 1e6) {
                throw new CommandLine.TypeConversionException(Tokens.quote(text) + " is too long" + range);
            }
            return s;
        }
    }

    /** {@code --run-for}: a GIF's length has a range of its own, which a refusal names too. */
    static final class RunForSeconds extends Seconds {
        @Override
        String allowed() {
            return super.allowed() + " (for a GIF above 0, at most " + (int) GifRequest.MAX_SECONDS + ")";
        }
    }

    /** A window size. */
    record Pixels(int width, int height) {
    }

    /** A GIF's frames at most: 1920x1080 played in the app's heap, 3840x2160 ran it out. */
    static final long GIF_MAX_PIXELS = 1920L * 1080;

    /**
     * {@code WIDTHxHEIGHT}: at least the window's smallest, 1024x600 (a
     * headless screen any smaller overflows), at most 8192 each way and a 4K
     * screen's pixels in all, which the app's 256 MB heap can snapshot.
     */
    static final class Size implements CommandLine.ITypeConverter<Pixels> {
        static final int MIN_WIDTH = 1024;
        static final int MIN_HEIGHT = 600;
        static final int MAX_SIDE = 8192;
        static final long MAX_PIXELS = 3840L * 2160;

        @Override
        public Pixels convert(String text) {
            String[] parts = text.split("x", -1);
            if (parts.length == 2 && isPixels(parts[0], MIN_WIDTH) && isPixels(parts[1], MIN_HEIGHT)) {
                Pixels p = new Pixels(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                if ((long) p.width() * p.height() <= MAX_PIXELS) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException("needs WIDTHxHEIGHT from 1024x600 up to 8192 pixels each"
                    + " way and 3840x2160 in all, e.g. 1280x720, not " + Tokens.quote(text));
        }

        private static boolean isPixels(String text, int min) {
            if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            int n = Integer.parseInt(text);
            return n >= min && n <= MAX_SIDE;
        }
    }

    /** A presentation scale: a whole percentage from 100 to 200 ({@code 150} or {@code 150%}). */
    static final class Percent implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            String digits = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
            if (!digits.isEmpty() && digits.length() <= 3 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                int n = Integer.parseInt(digits);
                if (n >= 100 && n <= 200) {
                    return n;
                }
            }
            throw new CommandLine.TypeConversionException("a percentage from 100 to 200, e.g. 150, not "
                    + Tokens.quote(text));
        }
    }

    /** One of the themes. */
    static final class Theme implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (text.equals("light") || text.equals("dark") || text.equals("contrast")) {
                return text;
            }
            throw new CommandLine.TypeConversionException("light, dark or contrast, not " + Tokens.quote(text));
        }
    }

    boolean screenshotMode() {
        return screenshot != null;
    }

    boolean gifMode() {
        return gif != null;
    }
}
