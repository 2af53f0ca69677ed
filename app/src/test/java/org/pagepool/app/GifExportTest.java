// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagepool.app.gif.GifFile;
import org.pagepool.app.gif.GifRegion;
import org.pagepool.app.gif.GifRequest;
import org.pagepool.run.SyncRunner;
import org.pagepool.workload.Preset;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The animation as a GIF: headless ({@code --gif}) and from the window's
 * Save menu, read back with ImageIO: its size is the region's, it loops, its
 * delays add up to the length asked for, at the frame rate asked for.
 */
class GifExportTest extends AppFixture {
    @TempDir
    Path dir;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private Stage headlessStage;

    @AfterEach
    void stop() throws Exception {
        close();
        FxToolkit.cleanupStages();
    }

    /** Runs a headless export to its end; returns its exit status. */
    private int export(GifRequest request) throws Exception {
        headlessStage = FxToolkit.registerPrimaryStage();
        CompletableFuture<Integer> status = new CompletableFuture<>();
        new FxRobot().interact(() -> {
            try {
                Preset preset = Assets.preset("01-xdp-drop.workload");
                SyncRunner sync = SyncRunner.live(preset);
                controller = new AppController(preset, sync);
                window = new MainWindow(controller, dialogs, url -> { }, 800, 500, "light");
                headlessStage.setScene(window.scene());
                new HeadlessGif(controller, sync, window, headlessStage, request, "01-xdp-drop.workload",
                        out::add, err::add, status::complete).begin();
            } catch (Exception e) {
                status.completeExceptionally(e);
            }
        });
        return status.get(5, TimeUnit.MINUTES); // a safety net: the export's frames are counted, not timed
    }

    @Test
    void aHeadlessGifOfTheDeviceHasItsLengthRateAndLoop() throws Exception {
        Path file = dir.resolve("device.gif");
        int status = export(new GifRequest(file.toString(), 3_000_000_000L, 10, GifRegion.DEVICE, 2e-5,
                2_000_000L));
        assertThat(err).isEmpty();
        assertThat(status).isZero();
        GifFile gif = GifFile.read(file);
        Bounds device = regionBounds("#device");
        assertThat(gif.width()).isEqualTo((int) Math.ceil(device.getMaxX()) - (int) Math.floor(device.getMinX()));
        assertThat(gif.height()).isEqualTo((int) Math.ceil(device.getMaxY()) - (int) Math.floor(device.getMinY()));
        assertThat(gif.loopsForever()).isTrue();
        assertThat(gif.totalDelayCs()).isEqualTo(300);
        assertThat(gif.frames().size()).as("changed frames only, at 10 a second").isBetween(5, 30);
        assertThat(gif.frames()).allMatch(f -> f.delayCs() % 10 == 0 && f.delayCs() > 0);
        assertThat(gif.frames()).allMatch(f -> f.left() + f.image().getWidth() <= gif.width()
                && f.top() + f.image().getHeight() <= gif.height());
        assertThat(out).singleElement().asString().startsWith("wrote " + file + ": " + gif.frames().size()
                + " frames, 3.0 s").contains("simulated 2.000 ms to 2.060 ms");
    }

    @Test
    void anUnwritablePlaceIsOneLineAndNoFile() throws Exception {
        Path file = dir.resolve("no-such-folder").resolve("a.gif");
        int status = export(new GifRequest(file.toString(), 1_000_000_000L, 10, GifRegion.ALL, Double.NaN, 0));
        assertThat(status).isEqualTo(2);
        assertThat(err).containsExactly("error: " + file + ": cannot write: " + file.getParent()
                + " is not a folder");
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void theSaveMenuRecordsTheNextSecondsOfTheJourney() throws Exception {
        FxRobot robot = new FxRobot();
        Stage primary = FxToolkit.registerPrimaryStage();
        robot.interact(() -> {
            try {
                open(primary, 1280, 720);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            window.setGifExecutors(Runnable::run, Runnable::run);
        });
        Path file = dir.resolve("journey.gif");
        dialogs.answers.add(file);
        robot.interact(() -> controller.play());
        robot.interact(() -> { // Save → Next seconds as GIF → 5 s…
            Menu gifs = (Menu) window.controls().save.getItems().stream()
                    .filter(item -> "exportGif".equals(item.getId())).findFirst().orElseThrow();
            gifs.getItems().stream().filter(item -> "exportGif5".equals(item.getId())).findFirst().orElseThrow()
                    .fire();
        });
        assertThat(dialogs.suggested).endsWith(".gif");
        await("the GIF saved", () -> !window.recordingGif() && Files.exists(file));
        GifFile gif = GifFile.read(file);
        Bounds journey = regionBounds("#journey");
        assertThat(gif.width()).isEqualTo((int) Math.ceil(journey.getMaxX()) - (int) Math.floor(journey.getMinX()));
        assertThat(gif.loopsForever()).isTrue();
        assertThat(gif.totalDelayCs()).isEqualTo(500);
        assertThat(gif.frames().size()).isBetween(2, 50);
        assertThat(controller.noticeProperty().get()).startsWith("saved " + file + " (" + gif.frames().size()
                + " frames, ");
    }

    private Bounds regionBounds(String id) {
        Node node = new FxRobot().lookup(id).query();
        return node.localToScene(node.getBoundsInLocal());
    }
}
