// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
import org.pagepool.app.gif.GifRecorder;
import org.pagepool.app.gif.GifRegion;
import org.pagepool.app.gif.GifRequest;
import org.pagepool.app.view.CanvasRegion;
import org.pagepool.app.view.CapturePane;
import org.pagepool.app.view.ControlBar;
import org.pagepool.app.view.JourneyPane;
import org.pagepool.app.view.Palette;
import org.pagepool.app.view.SidePanel;
import org.pagepool.app.view.SpeedScale;
import org.pagepool.app.view.TimelineBar;
import org.pagepool.view.ModelView;
import org.pagepool.run.Recording;
import org.pagepool.view.RunnerState;
import org.pagepool.trace.PageMove;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;

/**
 * The window: controls on top, the page's journey in the middle (with a
 * notification bar for bad input), counters and panels on the right, the
 * timeline below. One AnimationTimer drives it: once per pulse it takes the
 * runner's latest view and events and redraws what changed. FX thread only.
 */
public final class MainWindow {
    private final AppController controller;
    private final FileDialogs dialogs;
    private final ControlBar controls = new ControlBar();
    private final JourneyPane journey = new JourneyPane();
    private final SidePanel side;
    private final TimelineBar timeline;
    private final NotificationPane notifications;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final AnimationTimer pulse;
    private final CounterHistory history = new CounterHistory();
    private ModelView shown;
    private Node highlighted;
    private boolean liveShown = true;
    private int scalePercent = 100;
    /** The scale asked for (the menu or --scale); a window too small for it shows its largest instead. */
    private int wantedScale = 100;
    /** True while the window sets the menu's value itself, which is not a choice to remember. */
    private boolean fittingScale;
    /** The speed slider's stops, for what a step is now. */
    private SpeedScale speedScale = SpeedScale.live(SpeedScale.Pace.UNKNOWN);
    private String paceKey = "";
    /** True while the window moves its own controls to match the runner: their listeners stay quiet. */
    private boolean syncing;
    private String errorShown;
    private long frames;
    /** The time of the last pulse: a step asks whether the animations drawn then have finished. */
    private long lastPulse;
    private FrameListener frameListener;
    /** The GIF being recorded from the window's pulses, or null. */
    private GifRecorder gif;
    /** Where GIF frames are encoded (a thread of its own, made when first needed) and where the end is told. */
    private Executor gifEncoding;
    private Executor gifFx = Platform::runLater;

    /** Receives the time of every pulse (for frame-pacing measurements). */
    public interface FrameListener {
        void frame(long now);
    }

    public MainWindow(AppController controller, FileDialogs dialogs, Consumer<String> openUrl, double width,
                      double height, String theme) {
        this.controller = controller;
        this.dialogs = dialogs;
        Properties explanations = Assets.texts("explanations/functions.properties");
        side = new SidePanel(explanations, openUrl, controller::setParam, controller::guide, controller::play);
        timeline = new TimelineBar(controller::seek);
        notifications = new NotificationPane(journey);
        notifications.setId("notifications");
        notifications.setShowFromTop(true);
        root.setId("root");
        root.setTop(controls);
        root.setCenter(notifications);
        root.setRight(side);
        root.setBottom(timeline);
        scene = new Scene(root, width, height);
        side.setWindowSize(width, height);
        scene.widthProperty().addListener((o, was, is) -> resized());
        scene.heightProperty().addListener((o, was, is) -> resized());
        applyTheme(theme);
        controls.theme.setValue(theme);
        wire();
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onPulse(now);
            }
        };
    }

    public Scene scene() {
        return scene;
    }

    public void start() {
        pulse.start();
    }

    public void stop() {
        pulse.stop();
    }

    public void setFrameListener(FrameListener listener) {
        frameListener = listener;
    }

    private void wire() {
        controls.presets.getItems().setAll(Assets.presetNames());
        controls.presets.setOnAction(e -> {
            String name = controls.presets.getValue();
            if (syncing || name == null) {
                return; // the window following the runner, or a script opened: nothing to load
            }
            if (shown == null || !shown.live() || !name.equals(controller.preset().name())) {
                try {
                    controller.loadPreset(Assets.preset(name));
                } catch (PresetFiles.BadPreset | RuntimeException ex) {
                    controller.tell(ex.getMessage());
                }
            }
        });
        controls.openPreset.setOnAction(e -> dialogs.openPreset(window()).ifPresent(controller::openPreset));
        controls.openScript.setOnAction(e -> dialogs.openScript(window()).ifPresent(controller::openScript));
        controls.openCapture.setOnAction(e -> dialogs.openCapture(window()).ifPresent(file ->
                openCapture(file, loaded -> { })));
        controls.play.setOnAction(e -> controller.playPause());
        controls.step.setOnAction(e -> controller.step(journey.overlay().animating(lastPulse)));
        controls.stepBack.setOnAction(e -> controller.stepBack());
        controls.unit.valueProperty().addListener((o, was, is) -> {
            controller.setUnit(is);
            if (shown != null) {
                followPace(shown);
            }
        });
        useSpeedScale(speedScale);
        controls.speed.valueProperty().addListener((o, was, is) -> speedFromSlider());
        controls.reset.setOnAction(e -> reset());
        controls.seed.setOnAction(e -> reset());
        controls.reload.setOnAction(e -> controller.reload());
        controls.theme.valueProperty().addListener((o, was, is) -> applyTheme(is));
        controls.scale.valueProperty().addListener((o, was, is) -> {
            if (!fittingScale && is != null) {
                wantedScale = is; // the user's choice, kept while a smaller window holds less
            }
            applyScale(is == null ? 100 : is);
        });
        fitScale();
        controls.record.setOnAction(e -> controller.record(controls.record.isSelected()));
        controls.saveRecording.setOnAction(e -> saveRecording());
        controls.exportCsv.setOnAction(e -> save("Save the counters as CSV", ".csv",
                file -> Exports.writeLines(file, history.csv())));
        controls.exportPng.setOnAction(e -> save("Save the window as PNG", ".png",
                file -> Screenshots.write(scene, file)));
        controls.save.getItems().add(gifMenu());
        controls.exportTrace.setOnAction(e -> {
            if (shown == null || shown.script() == null) {
                controller.tell("no script trace to save: open a .pool script and step through it first");
                return;
            }
            List<String> trace = shown.script().trace();
            save("Save the script's trace", ".txt", file -> Exports.writeLines(file, trace));
        });
        controller.messageProperty().addListener((o, was, is) -> {
            if (is.isEmpty()) {
                notifications.hide();
            } else {
                notifications.show(is);
            }
        });
        controller.noticeProperty().addListener((o, was, is) -> {
            if (!is.isEmpty()) {
                timeline.notice(is);
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // a click on a region or a panel (not on a control) gives the keys back to the window's shortcuts
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!insideControl(e.getTarget())) {
                root.requestFocus();
            }
        });
        FileDrop.install(scene, this::openDropped);
        journey.tiles().setOnFocus(controller::focus);
        side.queueTable().setOnFocus(controller::focus);
        side.scenario().setTargetNames(this::targetTitle);
        side.setFlowRates(journey.flowRates());
    }

    /** A checkpoint target as the window names it: a region's drawn title, or the counter's kernel name. */
    private String targetTitle(String target) {
        Node node = scene.lookup("#" + target);
        return node instanceof CanvasRegion region ? region.title() : target;
    }

    /**
     * Imports a capture as the button does, shows it, and hands the import
     * (shown, or failed with its error, which the status line tells) to
     * {@code done}.
     */
    void openCapture(Path file, Consumer<CaptureLoader.Loaded> done) {
        openCapture(List.of(file), done);
    }

    /** As above, for files read as one capture (dropped together on the window). */
    void openCapture(List<Path> files, Consumer<CaptureLoader.Loaded> done) {
        CapturePane pane = side.capture();
        side.tabs().getTabs().stream().filter(t -> t.getContent() == pane).findFirst()
                .ifPresent(t -> side.tabs().getSelectionModel().select(t));
        Runnable[] cancel = {() -> { }};
        Path file = files.get(0);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        int ticket = pane.importStarted(files.size() == 1 ? name : files.size() + " files", () -> cancel[0].run());
        cancel[0] = controller.openCapture(files, share -> pane.importing(ticket, share), loaded -> {
            pane.imported(ticket);
            showCapture(loaded);
            done.accept(loaded);
        }, loaded -> {
            pane.imported(ticket);
            done.accept(loaded);
        });
    }

    /** Files dropped on the window: a script or a preset opens as its menu does, anything else as a capture. */
    void openDropped(List<Path> files) {
        switch (FileDrop.kindOf(files)) {
            case SCRIPT -> controller.openScript(files.get(0));
            case PRESET -> controller.openPreset(files.get(0));
            default -> openCapture(files, loaded -> { });
        }
    }

    /**
     * A real machine's capture, the preset derived from it ("Simulate this")
     * with its assumptions, and the shipped scenario that tells its story.
     */
    private void showCapture(CaptureLoader.Loaded loaded) {
        side.showCapture(loaded.name(), loaded.capture(), loaded.report());
        Preset simulated = loaded.simulated();
        side.capture().offerSimulation(simulated == null ? null : "Simulate this: " + simulated.summary().get(0),
                simulated == null ? null : () -> controller.loadPreset(simulated));
        side.capture().showAssumptions(simulated == null ? null : loaded.derived());
        var suggestion = Lookalike.of(loaded.report());
        side.capture().offerLookalike(suggestion.map(s -> "This looks like scenario " + s.preset().substring(0, 2)
                + ": " + s.why() + " (open " + s.preset() + ")").orElse(null),
                suggestion.map(s -> (Runnable) () -> controls.presets.setValue(s.preset())).orElse(null));
    }

    /** Save → "Next seconds as GIF": the animation, as the window draws it from now on, for 5, 10 or 30 s. */
    private Menu gifMenu() {
        Menu menu = new Menu("Next seconds as GIF");
        menu.setId("exportGif");
        for (int seconds : new int[] {5, 10, 30}) {
            MenuItem item = new MenuItem(seconds + " s…");
            item.setId("exportGif" + seconds);
            item.setOnAction(e -> recordGif(seconds));
            menu.getItems().add(item);
        }
        return menu;
    }

    /**
     * Asks where, then records the journey's animation for the next
     * {@code seconds} at {@value GifRequest#DEFAULT_FPS} frames a second,
     * encoded away from the FX thread; the end is a notice or a message.
     */
    void recordGif(int seconds) {
        if (gif != null) {
            controller.tell("a GIF is being recorded already: wait until it is saved");
            return;
        }
        Optional<Path> chosen = dialogs.save(window(), "Save the next " + seconds + " s as an animated GIF",
                suggestedName(".gif"));
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        if (Files.exists(file) && !dialogs.confirmOverwrite(window(), file)) {
            return;
        }
        if (gifEncoding == null) {
            gifEncoding = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "pagepool-gif");
                t.setDaemon(true);
                return t;
            });
        }
        try {
            gif = GifRecorder.start(scene, GifRegion.JOURNEY, GifRequest.DEFAULT_FPS, seconds * 1_000_000_000L,
                    file, gifEncoding, gifFx, result -> gifDone(file, result));
            controller.done("recording the next " + seconds + " s as " + file + "…");
        } catch (IOException e) {
            controller.tell(Exports.describe(file, e));
        }
    }

    private void gifDone(Path file, GifRecorder.Result result) {
        if (result.error() != null) {
            controller.tell(Exports.describe(file, new IOException(result.error())));
        } else {
            controller.done(String.format(Locale.ROOT, "saved %s (%d frames, %d KiB)", file,
                    result.summary().frames(), (result.summary().bytes() + 1023) / 1024));
        }
    }

    /** Where GIF frames are encoded and where the end is told (tests: on the FX thread, in order). */
    void setGifExecutors(Executor encoding, Executor fx) {
        gifEncoding = encoding;
        gifFx = fx;
    }

    /** True while a GIF is being recorded. */
    boolean recordingGif() {
        return gif != null;
    }

    /** Something to write to a file the user picks. */
    private interface Writer {
        void write(Path file) throws IOException;
    }

    /** Asks where, asks before replacing a file, writes; a failure is a message and loses nothing. */
    boolean save(String title, String extension, Writer writer) {
        Optional<Path> chosen = dialogs.save(window(), title, suggestedName(extension));
        if (chosen.isEmpty()) {
            return false;
        }
        Path file = chosen.get();
        if (Files.exists(file) && !dialogs.confirmOverwrite(window(), file)) {
            return false;
        }
        try {
            writer.write(file);
            controller.done("saved " + file);
            return true;
        } catch (IOException e) {
            controller.tell(Exports.describe(file, e));
            return false;
        }
    }

    /** What the window shows, as a file name: {@code 05-slow-socket-120ms.png}, {@code 02-ring-path-line12.txt}. */
    private String suggestedName(String extension) {
        if (shown == null) {
            return "pagepool" + extension;
        }
        long line = shown.script() == null ? shown.position() : shown.script().lastLine();
        return SaveFolder.suggestedName(shown.source(), shown.timeNs(), shown.live(), line, extension);
    }

    private void saveRecording() {
        Recording recording = controller.recording();
        if (recording == null) {
            controller.tell("nothing recorded yet: press Record, let the run go, then press Record again to stop");
            return;
        }
        save("Save the recording as a .pool script", ".pool", file -> Exports.writeText(file, recording.script()));
    }

    private void speedFromSlider() {
        double factor = syncing ? controller.speed() : speedScale.factor(controls.speed.getValue());
        controls.speedLabel.setText(speedScale.label(factor));
        if (!syncing) {
            controller.setSpeed(factor);
        }
        // a slow token for slow speeds, a quick one when things move fast
        journey.overlay().setTokenMillis(Double.isInfinite(factor) ? 120 : 450);
    }

    /**
     * A preset or script was loaded: the speed slider, the preset picker
     * and the reload button follow it, without sending anything back.
     */
    private void followLoad(ModelView view) {
        syncing = true;
        try {
            liveShown = view.live();
            followPace(view);
            controls.speed.setValue(speedScale.slider(controller.speed()));
            speedFromSlider();
            controls.presets.setValue(view.live() ? carriedName(view.source()) : null); // a script: none picked
            controls.reload.setDisable(!liveShown);
        } finally {
            syncing = false;
        }
    }

    /**
     * The slider's stops follow what a step is and how often it happens:
     * rebuilt when the unit, the kind of run or the pace's unit changes
     * (kernel calls are counted after the run's first millisecond), not at
     * every view, so that the stops stay put. The speed itself is not touched.
     */
    private void followPace(ModelView view) {
        SpeedScale.Pace pace = SpeedScale.paceOf(view, controller.unit());
        String key = view.loads() + " " + view.live() + " " + pace.singular();
        if (key.equals(paceKey)) {
            return;
        }
        paceKey = key;
        useSpeedScale(view.live() ? SpeedScale.live(pace) : SpeedScale.script());
    }

    private void useSpeedScale(SpeedScale scale) {
        boolean was = syncing;
        syncing = true;
        try {
            speedScale = scale;
            controls.speed.setMajorTickUnit(scale.step());
            controls.speed.setBlockIncrement(scale.step());
            controls.speed.setValue(scale.slider(controller.speed()));
            speedFromSlider();
        } finally {
            syncing = was;
        }
    }

    /** The picker's name for a preset: a carried one by name, or an opened file named like one; else null. */
    private String carriedName(String source) {
        String fileName = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        return controls.presets.getItems().contains(fileName) ? fileName : null;
    }

    private void reset() {
        try {
            controller.reset(Long.parseLong(controls.seed.getText().strip()));
        } catch (NumberFormatException e) {
            controller.tell("seed: a whole number, please (not \"" + controls.seed.getText() + "\")");
        }
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.SPACE) {
            controller.playPause();
        } else if (code == KeyCode.RIGHT) {
            controller.step(journey.overlay().animating(lastPulse));
        } else if (code == KeyCode.LEFT) {
            controller.stepBack();
        } else if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            controls.speed.setValue(Math.min(SpeedScale.MAX, controls.speed.getValue() + speedScale.step()));
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            controls.speed.setValue(Math.max(0, controls.speed.getValue() - speedScale.step()));
        } else if (code == KeyCode.OPEN_BRACKET || code == KeyCode.CLOSE_BRACKET) {
            controller.focusBy(code == KeyCode.OPEN_BRACKET ? -1 : 1); // the previous or the next queue
        } else if (code == KeyCode.F11 && window() instanceof Stage stage) {
            stage.setFullScreen(!stage.isFullScreen()); // for a projector; Esc leaves it too
        } else if (code.isDigitKey() && shown != null && shown.queues().many()) {
            controller.focus(digit(code)); // queues 0 to 9 directly
        } else {
            return;
        }
        e.consume();
    }

    private static int digit(KeyCode code) {
        String name = code.getName(); // "3" or "Numpad 3"
        return name.charAt(name.length() - 1) - '0';
    }

    private static boolean insideControl(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null;
             n = n.getParent()) {
            if (n instanceof ButtonBase || n instanceof TextInputControl
                    || n instanceof ComboBoxBase || n instanceof Slider
                    || n instanceof Spinner || n instanceof ChoiceBox
                    || n instanceof ScrollBar || n instanceof ListView) {
                return true; // its own click: it takes focus as it should
            }
        }
        return false;
    }

    /**
     * Shows everything at {@code percent} % (100 to 200): the regions' drawing and the controls' type; at
     * most what the window holds ({@link #largestScale}), and the rest once the window grows.
     */
    public void setScale(int percent) {
        wantedScale = Math.max(100, Math.min(200, percent));
        fitScale();
    }

    /**
     * The largest of the scale menu's steps that a window of {@code width} x {@code height} holds: 125 %
     * at 1280x720 and in proportion (175 % at 1920x1080, 200 % at 2560x1440), 100 % at least.
     */
    static int largestScale(double width, double height) {
        double holds = 125 * Math.min(width / 1280, height / 720);
        int largest = 100;
        for (int step = 125; step <= 200 && step <= holds; step += 25) {
            largest = step;
        }
        return largest;
    }

    private void resized() {
        side.setWindowSize(scene.getWidth(), scene.getHeight());
        fitScale();
    }

    /** Offers the scales the window holds and shows the one wanted, or the largest of them. */
    private void fitScale() {
        int largest = largestScale(scene.getWidth(), scene.getHeight());
        fittingScale = true;
        try {
            controls.offerScalesUpTo(largest);
            controls.scale.setValue(Math.min(wantedScale, largest));
        } finally {
            fittingScale = false;
        }
    }

    private void applyScale(int percent) {
        scalePercent = percent;
        double scale = percent / 100.0;
        journey.setScale(scale);
        side.setScale(scale);
        controls.setScale(scale);
        applyFontSize();
    }

    /** The theme's type size times the scale, set on the root so that every em in the CSS follows. */
    private void applyFontSize() {
        double base = "contrast".equals(controls.theme.getValue()) ? 15 : 13;
        root.setStyle(scalePercent == 100 ? "" : String.format(Locale.ROOT, "-fx-font-size: %.1fpx;",
                base * scalePercent / 100.0));
    }

    private void applyTheme(String name) {
        scene.getStylesheets().setAll(Assets.stylesheet("base"), Assets.stylesheet(name));
        applyFontSize();
        Palette palette = Palette.named(name);
        journey.setPalette(palette);
        side.setPalette(palette);
        timeline.setPalette(palette);
    }

    private Window window() {
        return scene.getWindow();
    }

    /** One pulse: the latest view and events, then only what changed is drawn. */
    void onPulse(long now) {
        frames++;
        lastPulse = now;
        if (frameListener != null) {
            frameListener.frame(now);
        }
        List<PageMove> moves = controller.pulse();
        ModelView view = controller.view();
        if (view != shown || !moves.isEmpty()) {
            show(view, moves, now);
        }
        boolean flows = view.state() == RunnerState.PLAYING && !view.eventsOn();
        journey.draw(now, flows);
        side.draw();
        if (gif != null && !gif.pulse(now)) {
            gif = null; // finished: the encoder tells how it went
        }
        if (!journey.overlay().animating(now)) {
            controller.animationDone();
        }
    }

    private void show(ModelView view, List<PageMove> moves, long now) {
        if (shown == null || view.loads() != shown.loads()) {
            followLoad(view);
        } else {
            followPace(view);
        }
        if (view.error() != null && !view.error().equals(errorShown)) {
            controller.tell(view.error()); // the runner refused something, or the model failed
        }
        errorShown = view.error();
        shown = view;
        history.add(view, now);
        journey.show(view, moves, now);
        side.show(view, now);
        side.scenario().preset(controller.preset());
        controls.record.setSelected(view.recordedLines() >= 0);
        highlight(view.guide().stoppedAt() == null ? null : view.guide().stoppedAt().target());
        timeline.show(view, view.live() ? controller.preset().durationNs() : 0);
        controls.play.setSelected(view.state() == RunnerState.PLAYING);
        String title = "PagePool Visualizer — " + view.title();
        if (window() instanceof Stage stage && !title.equals(stage.getTitle())) {
            stage.setTitle(title);
        }
    }

    /** Marks what a checkpoint points at (a region or a counter); null clears the mark. */
    private void highlight(String target) {
        Node node = target == null ? null : scene.lookup("#" + target);
        if (node == null && target != null) {
            node = scene.lookup("#counter-" + target);
        }
        if (node == highlighted) {
            return;
        }
        if (highlighted != null) {
            highlighted.getStyleClass().remove("highlight");
        }
        highlighted = node;
        if (node != null) {
            node.getStyleClass().add("highlight");
        }
    }

    /** The counters the window has shown, for export. */
    public CounterHistory history() {
        return history;
    }

    /** Pulses so far. */
    public long frames() {
        return frames;
    }

    public ControlBar controls() {
        return controls;
    }

    public JourneyPane journey() {
        return journey;
    }

    public SidePanel side() {
        return side;
    }

    public TimelineBar timeline() {
        return timeline;
    }

    public NotificationPane notifications() {
        return notifications;
    }
}
