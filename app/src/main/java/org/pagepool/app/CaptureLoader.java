// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CaptureException;
import org.pagepool.capture.CaptureImporter;
import org.pagepool.capture.CaptureReport;
import org.pagepool.capture.DerivedPreset;
import org.pagepool.capture.PresetDerivation;
import org.pagepool.script.ScriptFiles;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.PresetParser;

/**
 * Imports a capture of a real machine away from the FX thread (a trace can be
 * gigabytes) and hands the finished, immutable result back on it: one
 * hand-over per import, never per line.
 */
final class CaptureLoader {
    /**
     * What an import gives the window: the capture, its report and the preset
     * derived from it ("Simulate this"), or the error in {@code file:line} form.
     *
     * @param derived   the derived preset's text and assumptions, null on an error
     * @param simulated that text parsed, ready to load; null on an error
     */
    record Loaded(String name, Capture capture, CaptureReport report, DerivedPreset derived, Preset simulated,
                  String error) {
    }

    private final Executor work;
    private final Executor fx;

    /** {@code work} runs the import, {@code fx} delivers the result (tests pass the caller's thread for both). */
    CaptureLoader(Executor work, Executor fx) {
        this.work = work;
        this.fx = fx;
    }

    /**
     * Imports {@code chosen}: a file, or, when the file lies in a directory the
     * capture script wrote (it holds {@code capture.txt}), that whole directory.
     */
    void load(Path chosen, Consumer<Loaded> done) {
        load(List.of(chosen), share -> { }, done);
    }

    /**
     * As above, for one file (or directory) or several files read as one
     * capture (dropped together on the window), telling {@code progress} on the FX thread how much of the input
     * has been read (0 to 1); the handle returned cancels the import, which
     * then ends as an error, "import cancelled". Progress crosses threads at
     * most once per {@link CaptureImporter}'s report (every 64 Ki lines), and
     * never while the FX thread has not yet taken the one before.
     */
    Runnable load(List<Path> chosen, DoubleConsumer progress, Consumer<Loaded> done) {
        List<Path> inputs = chosen.size() == 1 ? List.of(captureDirectory(chosen.get(0))) : List.copyOf(chosen);
        List<String> names = inputs.stream().map(Path::toString).toList();
        String name = inputs.size() == 1 ? names.get(0) : inputs.get(0) + " and " + (inputs.size() - 1) + " more";
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean posted = new AtomicBoolean();
        AtomicLong latest = new AtomicLong(); // the share read, as double bits
        work.execute(() -> {
            Loaded loaded;
            try {
                CaptureImporter importer = new CaptureImporter().progress((read, total) -> {
                    latest.set(Double.doubleToLongBits(total > 0 ? Math.min(1.0, (double) read / total) : 0));
                    if (posted.compareAndSet(false, true)) {
                        fx.execute(() -> {
                            posted.set(false);
                            progress.accept(Double.longBitsToDouble(latest.get()));
                        });
                    }
                    return !cancelled.get();
                });
                Capture capture = importer.read(inputs, names);
                CaptureReport report = CaptureReport.of(capture);
                DerivedPreset derived = PresetDerivation.of(capture, report, name);
                loaded = new Loaded(name, capture, report, derived, simulated(derived, inputs.get(0)), null);
            } catch (CaptureException e) {
                loaded = new Loaded(name, null, null, null, null, e.located());
            } catch (CancellationException e) {
                loaded = new Loaded(name, null, null, null, null, name + ": import cancelled");
            } catch (RuntimeException | OutOfMemoryError e) {
                loaded = new Loaded(name, null, null, null, null, name + ": cannot import: " + e);
            }
            Loaded result = loaded;
            fx.execute(() -> done.accept(result));
        });
        return () -> cancelled.set(true);
    }

    /** The derived preset, parsed as a preset file named after the capture would be; null if it does not parse. */
    static Preset simulated(DerivedPreset derived, Path capture) {
        Path file = capture.getFileName();
        String name = "simulated-" + (file == null ? "capture" : file.toString()) + PresetFiles.EXTENSION;
        try {
            return PresetParser.parse(name, ScriptFiles.splitLines(derived.text().getBytes(StandardCharsets.UTF_8)));
        } catch (PresetParser.PresetError | ScriptFiles.UnreadableFile e) {
            return null; // a bug of the derivation (SimulateThisTest parses every one): keep the capture, no offer
        }
    }

    static Path captureDirectory(Path chosen) {
        Path parent = chosen.toAbsolutePath().getParent();
        if (!Files.isDirectory(chosen) && parent != null && Files.isRegularFile(parent.resolve("capture.txt"))) {
            return parent;
        }
        return chosen;
    }
}
