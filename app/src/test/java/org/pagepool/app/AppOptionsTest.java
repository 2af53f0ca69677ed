// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagepool.app.gif.GifRegion;
import org.pagepool.app.gif.GifRequest;

/** The app's command line on picocli: what it accepts, and one clear message for each mistake. */
class AppOptionsTest {
    private static final String SIZE_REFUSED = "--size: needs WIDTHxHEIGHT from 1024x600 up to 8192 pixels"
            + " each way and 3840x2160 in all, e.g. 1280x720, ";

    private static AppOptions parse(String args) throws AppOptions.BadOptions {
        return AppOptions.parse(args.isEmpty() ? new String[0] : args.split(" "));
    }

    @Test
    void noOptionsOpenTheDefaultWindow() throws Exception {
        AppOptions o = parse("");
        assertThat(o.preset()).isNull();
        assertThat(o.headless()).isFalse();
        assertThat(o.width()).isEqualTo(1280);
        assertThat(o.height()).isEqualTo(720);
        assertThat(o.theme()).isEqualTo("light");
        assertThat(o.screenshotMode()).isFalse();
    }

    @Test
    void aScreenshotRunKeepsEveryValue() throws Exception {
        AppOptions o = parse("--headless --preset 05-slow-socket.workload --run-for 0.15 --screenshot out.png "
                + "--size 1024x600 --theme dark");
        assertThat(o.headless()).isTrue();
        assertThat(o.preset()).isEqualTo("05-slow-socket.workload");
        assertThat(o.runForNs()).isEqualTo(150_000_000L);
        assertThat(o.screenshot()).isEqualTo("out.png");
        assertThat(o.width()).isEqualTo(1024);
        assertThat(o.height()).isEqualTo(600);
        assertThat(o.theme()).isEqualTo("dark");
        assertThat(o.screenshotMode()).isTrue();
    }

    @Test
    void aCaptureScreenshotNeedsNoPresetNorRunFor() throws Exception {
        AppOptions o = parse("--headless --capture cap-dir --screenshot out.png --size 1280x720");
        assertThat(o.capture()).isEqualTo("cap-dir");
        assertThat(o.screenshotMode()).isTrue();
        assertThat(o.preset()).isNull();
        assertThat(parse("--capture trace.txt").capture()).as("a window that opens the capture").isEqualTo("trace.txt");
    }

    @Test
    void aGifKeepsItsLengthRateRegionSpeedAndStart() throws Exception {
        AppOptions o = parse("--headless --preset 05-slow-socket.workload --gif out.gif --run-for 12 --gif-fps 15 "
                + "--gif-region ring --speed 2e-3 --gif-from 0.12 --size 1920x1080");
        assertThat(o.gifMode()).isTrue();
        assertThat(o.screenshotMode()).isFalse();
        assertThat(o.gif()).isEqualTo(new GifRequest("out.gif", 12_000_000_000L, 15,
                GifRegion.RING, 2e-3, 120_000_000L));
        AppOptions plain = parse("--headless --preset 01-xdp-drop.workload --gif a.gif --run-for 5");
        assertThat(plain.gif().fps()).isEqualTo(10);
        assertThat(plain.gif().region()).isEqualTo(GifRegion.ALL);
        assertThat(plain.gif().speed()).isNaN();
        assertThat(parse("--theme dark").gif()).isNull();
    }

    @Test
    void measuringFramesTakesSeconds() throws Exception {
        assertThat(parse("--measure-frames 2e1").measureFrames()).isEqualTo(20.0);
    }

    @Test
    void helpIsAskedForAndTheUsageListsTheOptions() {
        assertThatThrownBy(() -> parse("--help")).hasMessage("help");
        assertThat(AppOptions.usage()).startsWith("usage: pagepool-app").contains("--measure-frames=SECONDS")
                .contains("--theme=light|dark|contrast");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--thme dark | unknown option \"--thme\" (did you mean --theme?)",
        "--theme dark --theme light | --theme is given twice: give it once",
        "--headless --headless --measure-frames 1 | --headless is given twice: give it once",
        "--theme blue | --theme: light, dark or contrast, not \"blue\"",
        "--size 1280 | " + SIZE_REFUSED
            + "not \"1280\"",
        "--size 1023x720 | " + SIZE_REFUSED
            + "not \"1023x720\"",
        "--size 1280x599 | " + SIZE_REFUSED
            + "not \"1280x599\"",
        "--size 4096x4096 | " + SIZE_REFUSED
            + "not \"4096x4096\"",
        "--size 8193x720 | " + SIZE_REFUSED
            + "not \"8193x720\"",
        "--size +1280x720 | " + SIZE_REFUSED
            + "not \"+1280x720\"",
        "--measure-frames 1d | --measure-frames: not a number: \"1d\" (numbers are written like 12, 0.5 or 2e6); "
            + "allowed: 0 to 1000000 seconds, written like 0.15 or 2e-3",
        "--measure-frames 0x1p-3 | --measure-frames: not a number: \"0x1p-3\" (numbers are written like 12, 0.5 or "
            + "2e6); allowed: 0 to 1000000 seconds, written like 0.15 or 2e-3",
        "--measure-frames 0 | --measure-frames needs a number of seconds above 0",
        "--headless --preset p --gif a.gif --run-for -1 | --run-for: not a number here: \"-1\" "
            + "(no minus sign allowed); allowed: 0 to 1000000 seconds (for a GIF above 0, at most 600), "
            + "written like 0.15 or 2e-3",
        "--preset | --preset needs a value (--preset FILE)",
        "stray | unexpected argument \"stray\" (try --help)",
        "--headless | --headless needs --screenshot (with --run-for and --preset), --gif or --measure-frames",
        "--screenshot a.png | a screenshot needs --headless --preset FILE --run-for SECONDS --screenshot OUT.png",
        "--headless --preset p --gif a.gif --run-for 0 | --run-for: a GIF lasts above 0 and at most 600 seconds",
        "--headless --preset p --gif a.gif --run-for 601 | --run-for: a GIF lasts above 0 and at most 600 seconds",
        "--headless --preset p --run-for 0 --screenshot= | --screenshot needs a file name",
        "--headless --script s.pool --screenshot o.png | --script opens a window: it does not go with --screenshot"
            + " or --measure-frames",
        "--headless --preset p --run-for 0 --screenshot x.png --measure-frames 1 | --measure-frames plays a window:"
            + " it does not go with --screenshot or --gif",
        "--headless --preset p --gif a.gif --run-for 1 --size 2560x1440 | --size: a GIF is at most 1920x1080 pixels"
            + " in all, not 2560x1440",
        "--headless --preset p --gif a.gif | a GIF needs --headless --preset FILE --gif OUT.gif --run-for SECONDS "
            + "(and no --screenshot, --script or --measure-frames)",
        "--preset p --gif a.gif --run-for 2 | a GIF needs --headless --preset FILE --gif OUT.gif --run-for SECONDS "
            + "(and no --screenshot, --script or --measure-frames)",
        "--headless --preset p --gif a.gif --run-for 2 --gif-region nic | --gif-region: all, journey, device, "
            + "cache, ring, buddy or sockets, not \"nic\"",
        "--headless --preset p --gif a.gif --run-for 2 --gif-fps 60 | --gif-fps: 1 to 50 frames a second, not \"60\"",
        "--headless --preset p --gif a.gif --run-for 2 --speed 0 | --speed: simulated seconds per second, above 0 "
            + "and at most 1000, written like 1e-4 or 0.002, not \"0\"",
        "--headless --preset p --gif a.gif --run-for 2 --speed fast | --speed: simulated seconds per second, above 0 "
            + "and at most 1000, written like 1e-4 or 0.002, not \"fast\"",
        "--gif-fps 5 | --gif-fps goes with --gif OUT.gif",
        "--speed 1e-4 | --speed goes with --gif OUT.gif",
        "--script s.pool --measure-frames 1 | --script opens a window: it does not go with --screenshot or "
            + "--measure-frames",
        "--capture c --screenshot a.png | a screenshot of a capture needs --headless --capture PATH --screenshot "
            + "OUT.png (no --run-for)",
        "--headless --capture c --run-for 1 --screenshot a.png | a screenshot of a capture needs --headless "
            + "--capture PATH --screenshot OUT.png (no --run-for)",
        "--capture c --script s.pool | --capture does not go with --script or --measure-frames",
    })
    void aMistakeIsOneClearMessage(String args, String message) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(AppOptions.BadOptions.class).hasMessage(message);
    }

    @Test
    void theScaleIsAPercentageFrom100To200() throws Exception {
        assertThat(parse("").scale()).isEqualTo(100);
        assertThat(parse("--scale 150").scale()).isEqualTo(150);
        assertThat(parse("--scale 200%").scale()).isEqualTo(200);
        for (String bad : new String[] {"99", "201", "1.5", "x"}) {
            assertThatThrownBy(() -> parse("--scale " + bad)).isInstanceOf(AppOptions.BadOptions.class)
                    .hasMessageContaining("100 to 200");
        }
    }
}
