// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.gif;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Records what the window draws as an animated GIF: at its pulses, once
 * per frame interval, a snapshot of the scene (the same views the window
 * shows, not a screen capture), cut to one region, handed to a
 * {@link GifEncoder} on the encoding executor. The pixels handed over are
 * never touched again on the FX thread. When the length is reached the
 * GIF is finished there and {@code done} hears of it once, through the
 * {@code fx} executor.
 *
 * <p>FX thread only ({@link #pulse}); the encoder runs on {@code encoding}
 * (a thread of its own in the window, the FX thread itself in the headless
 * export and the tests).
 */
public final class GifRecorder {
    /** Frames waiting for the encoder above which a pulse skips its frame (the one before shows longer). */
    private static final int MAX_PENDING = 3;

    /** How a recording ended: what was written, or why not. */
    public record Result(GifEncoder.Summary summary, String error) {
    }

    private final Scene scene;
    private final int x;
    private final int y;
    private final int width;
    private final int height;
    private final long intervalNs;
    private final long lengthNs;
    private final GifEncoder encoder;
    private final Executor encoding;
    private final Executor fx;
    private final Consumer<Result> done;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private long startNs = -1;
    private long nextFrame;
    private boolean over;

    private GifRecorder(Scene scene, Bounds crop, int fps, long lengthNs, GifEncoder encoder, Executor encoding,
                       Executor fx, Consumer<Result> done) {
        this.scene = scene;
        this.x = (int) crop.getMinX();
        this.y = (int) crop.getMinY();
        this.width = (int) crop.getWidth();
        this.height = (int) crop.getHeight();
        this.intervalNs = 1_000_000_000L / fps;
        this.lengthNs = lengthNs;
        this.encoder = encoder;
        this.encoding = encoding;
        this.fx = fx;
        this.done = done;
    }

    /**
     * Starts recording {@code region} of {@code scene} (laid out) into
     * {@code file}; fails at once, writing nothing, if the file cannot be
     * written or the region is not in the window.
     */
    public static GifRecorder start(Scene scene, GifRegion region, int fps, long lengthNs, Path file,
                                    Executor encoding, Executor fx, Consumer<Result> done) throws IOException {
        Bounds crop = crop(scene, region);
        GifEncoder encoder = GifEncoder.create(file, (int) crop.getWidth(), (int) crop.getHeight());
        return new GifRecorder(scene, crop, fps, lengthNs, encoder, encoding, fx, done);
    }

    /** The region's rectangle in the scene, in whole pixels inside it. */
    static Bounds crop(Scene scene, GifRegion region) throws IOException {
        int sceneW = (int) Math.ceil(scene.getWidth());
        int sceneH = (int) Math.ceil(scene.getHeight());
        if (region.nodeId() == null) {
            return new BoundingBox(0, 0, sceneW, sceneH);
        }
        Node node = scene.lookup("#" + region.nodeId());
        if (node == null || !node.isVisible()) {
            throw new IOException("the window shows no " + region.key() + " region");
        }
        Bounds b = node.localToScene(node.getBoundsInLocal());
        int x0 = Math.max(0, (int) Math.floor(b.getMinX()));
        int y0 = Math.max(0, (int) Math.floor(b.getMinY()));
        int x1 = Math.min(sceneW, (int) Math.ceil(b.getMaxX()));
        int y1 = Math.min(sceneH, (int) Math.ceil(b.getMaxY()));
        if (x1 - x0 < 1 || y1 - y0 < 1) {
            throw new IOException("the " + region.key() + " region is not on the screen");
        }
        return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** The GIF's size in pixels. */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * A pulse of the window at {@code now} (after it drew): takes a frame
     * when one is due, and finishes the GIF when its length is reached.
     * Returns true while the recording goes on.
     */
    public boolean pulse(long now) {
        if (over) {
            return false;
        }
        if (startNs < 0) {
            startNs = now;
        }
        long at = now - startNs;
        if (at >= lengthNs || failure.get() != null) {
            finish();
            return false;
        }
        if (at >= nextFrame) {
            nextFrame = (at / intervalNs + 1) * intervalNs;
            if (pending.get() < MAX_PENDING) {
                capture(at);
            }
        }
        return true;
    }

    /** Stops now: what was recorded so far is abandoned, nothing is written. */
    public void cancel() {
        if (!over) {
            over = true;
            encoding.execute(encoder::close);
        }
    }

    private void capture(long atNs) {
        WritableImage image = scene.snapshot(null);
        int w = Math.min(width, (int) image.getWidth() - x);
        int h = Math.min(height, (int) image.getHeight() - y);
        int[] pixels = new int[width * height];
        if (w > 0 && h > 0) {
            image.getPixelReader().getPixels(x, y, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        }
        long atMs = atNs / 1_000_000L;
        pending.incrementAndGet();
        encoding.execute(() -> {
            try {
                if (failure.get() == null) {
                    encoder.frame(pixels, atMs);
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e.getMessage() == null ? e.toString() : e.getMessage());
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    private void finish() {
        over = true;
        long endMs = lengthNs / 1_000_000L;
        encoding.execute(() -> {
            Result result;
            String error = failure.get();
            if (error != null) {
                encoder.close();
                result = new Result(null, error);
            } else {
                try {
                    result = new Result(encoder.finish(endMs), null);
                } catch (IOException | RuntimeException e) {
                    encoder.close();
                    result = new Result(null, e.getMessage() == null ? e.toString() : e.getMessage());
                }
            }
            Result r = result;
            fx.execute(() -> done.accept(r));
        });
    }
}
