// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.pagepool.run.Unit;

/**
 * The controls along the top: what to run (preset, preset file, script
 * file), how (back, play/pause, step and its unit, speed), and starting over
 * (seed, reset, driver reload), plus the theme. Every control has an id and
 * a tooltip; the window wires them to the controller.
 */
public final class ControlBar extends HBox {
    /** The icons' size at 100 %, as base.css sets it. */
    private static final int ICON_PX = 20;
    /** The seed field's least width at 100 %: four digits. */
    private static final double SEED_MIN_PX = 44;
    public final ComboBox<String> presets = new ComboBox<>();
    public final Button openPreset = button("openPreset", Material2AL.FOLDER_OPEN, "Open a workload preset file");
    public final Button openScript = button("openScript", Material2AL.DESCRIPTION,
            "Open a .pool script and step through it line by line");
    public final Button openCapture = button("openCapture", Material2AL.COMPUTER,
            "Open a capture of a real machine (tracepoints, dmesg, ethtool -S, netlink; a file, or any file of a"
                    + " directory written by tools/capture-page-pool.sh) and see its pools and a diagnosis");
    public final Button stepBack = button("stepBack", Material2MZ.SKIP_PREVIOUS, "Step back one unit (←)");
    public final ToggleButton play = new ToggleButton();
    public final Button step = button("step", Material2MZ.SKIP_NEXT, "Step forward one unit (→)");
    public final ComboBox<Unit> unit = new ComboBox<>();
    public final Slider speed = new Slider(0, SpeedScale.MAX, 0);
    public final Label speedLabel = new Label();
    public final TextField seed = new TextField("1");
    public final Button reset = button("reset", Material2MZ.REPLAY, "Start again from time 0 with this seed");
    public final Button reload = button("reload", Material2AL.AUTORENEW,
            "Reload the driver now: the old pool is destroyed, a new one created");
    public final ComboBox<String> theme = new ComboBox<>();
    /** The presentation scale in per cent: type, lines and marks of every region, for a projector. */
    public final ComboBox<Integer> scale = new ComboBox<>();
    public final ToggleButton record = new ToggleButton();
    public final MenuButton save = new MenuButton();
    public final MenuItem saveRecording = new MenuItem("Recording as .pool…");
    public final MenuItem exportCsv = new MenuItem("Counters as CSV…");
    public final MenuItem exportPng = new MenuItem("Window as PNG…");
    public final MenuItem exportTrace = new MenuItem("Script trace as text…");

    public ControlBar() {
        setId("controls");
        getStyleClass().add("control-bar");
        setSpacing(2);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 8, 6, 8));
        presets.setId("presets");
        presets.setButtonCell(new PresetCell("Scenario…")); // said while a script or an opened preset runs
        presets.setCellFactory(list -> new PresetCell(null));
        presets.setPrefWidth(USE_COMPUTED_SIZE);
        presets.setMinWidth(72); // whole names while there is room; in the smallest window the name is cut short
        tip(presets, "Choose a scenario: each starts a workload that tells one page_pool story");
        play.setId("play");
        play.setGraphic(new FontIcon(Material2MZ.PLAY_ARROW));
        tip(play, "Play or pause (space)");
        play.selectedProperty().addListener((o, was, is) -> ((FontIcon) play.getGraphic())
                .setIconCode(is ? Material2MZ.PAUSE : Material2MZ.PLAY_ARROW));
        unit.setId("stepUnit");
        unit.getItems().addAll(Unit.values());
        unit.setValue(Unit.KERNEL_CALL);
        unit.setButtonCell(new UnitCell());
        unit.setCellFactory(list -> new UnitCell());
        unit.setMinWidth(USE_PREF_SIZE);
        tip(unit, "What one step is: one kernel call, one packet, one NAPI poll, or the focused queue's next"
                + " kernel call (this queue: the other queues run on meanwhile)");
        speed.setId("speed");
        speed.setPrefWidth(110);
        speed.setMinWidth(40); // the control that gives way first when the type is large
        speed.setSnapToTicks(true); // round values only: the window sets the stops (SpeedScale)
        speed.setMinorTickCount(0);
        tip(speed, "Speed: so many steps a second, or a fraction of real time (+ and − keys);"
                + " at the right end: as fast as possible");
        speedLabel.setId("speedLabel");
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        seed.setId("seed");
        seed.setPrefColumnCount(3);
        seed.setMinWidth(SEED_MIN_PX); // room for a four-digit seed when the bar is squeezed
        seed.setPromptText("seed"); // no label beside it: the bar has room for whole names instead
        tip(seed, "Seed: the random seed; the same seed replays the same run");
        theme.setId("theme");
        theme.getItems().addAll("light", "dark", "contrast");
        theme.setValue("light");
        theme.setMinWidth(USE_PREF_SIZE);
        scale.setId("scale");
        offerScalesUpTo(200);
        scale.setValue(100);
        scale.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer percent) {
                return percent == null ? "" : percent + " %";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replace("%", "").strip());
            }
        });
        scale.setMinWidth(USE_PREF_SIZE);
        tip(scale, "Scale: larger type, lines and marks for a projector or a large screen (--scale 150);"
                + " F11 for the whole screen");
        tip(theme, "Theme: light, dark, or high contrast for projectors");
        record.setId("record");
        record.setGraphic(new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
        tip(record, "Record: start this run again from time 0 and write its pool calls as a .pool script;"
                + " press again to stop, then save it");
        save.setId("save");
        save.setGraphic(new FontIcon(Material2MZ.SAVE));
        save.getItems().addAll(saveRecording, exportCsv, exportPng, exportTrace);
        saveRecording.setId("saveRecording");
        exportCsv.setId("exportCsv");
        exportPng.setId("exportPng");
        exportTrace.setId("exportTrace");
        tip(save, "Save the recording, the counters over time (CSV), the window (PNG) or a script's trace");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(presets, openPreset, openScript, openCapture,
                new Separator(Orientation.VERTICAL), stepBack, play, step, unit, speed, speedLabel, seed,
                reset, reload, record, save, spring, scale, theme);
    }

    private static Button button(String id, Ikon icon, String tooltip) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        tip(b, tooltip);
        return b;
    }

    static void tip(Control control, String text) {
        control.setTooltip(new Tooltip(text));
    }

    /** Every control, for checks that each has a tooltip. */
    public List<Node> controls() {
        return List.of(presets, openPreset, openScript, openCapture, stepBack, play, step, unit, speed,
                seed, reset, reload, record, save, scale, theme);
    }

    /**
     * The toolbar's icons and the seed field's least width at {@code scale}: the text follows the
     * root's font size, sizes in pixels do not. The icons grow by half as much as the type (28 px at
     * 175 % against base.css's {@value #ICON_PX}), a glyph about as tall as the letters beside it: at
     * the type's full growth they took the room the scenario's name needs at 1280x720 and 125 %. Their
     * size is an inline style, which the stylesheet does not override (Ikonli's icons take no em sizes).
     */
    public void setScale(double scale) {
        String style = scale == 1 ? "" : String.format(Locale.ROOT, " -fx-icon-size: %dpx;", iconPx(scale));
        for (Node control : controls()) {
            if (control instanceof Labeled labeled && labeled.getGraphic() instanceof FontIcon icon) {
                // the icon's own style names its font: only the size is replaced
                icon.setStyle(icon.getStyle().replaceAll("-fx-icon-size:[^;]*;?", "").strip() + style);
            }
        }
        seed.setMinWidth(SEED_MIN_PX * halfGrowth(scale)); // a seed is short
    }

    /** The icons' size in pixels at {@code scale}. */
    private static int iconPx(double scale) {
        return (int) Math.round(ICON_PX * halfGrowth(scale));
    }

    /** The factor of a size that grows by half as much as the type: 1.375 at 175 %. */
    private static double halfGrowth(double scale) {
        return 1 + (scale - 1) / 2;
    }

    /** The scale menu's steps, 100 % to {@code largest} (what the window holds). */
    public void offerScalesUpTo(int largest) {
        List<Integer> steps = new ArrayList<>();
        for (int step = 100; step <= largest; step += 25) {
            steps.add(step);
        }
        if (!scale.getItems().equals(steps)) {
            scale.getItems().setAll(steps);
        }
    }

    private static final class PresetCell extends ListCell<String> {
        private final String none;

        PresetCell(String none) {
            this.none = none;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? none : item.replaceFirst("\\.workload$", ""));
        }
    }

    /** Shows a step unit in words. */
    private static final class UnitCell extends ListCell<Unit> {
        @Override
        protected void updateItem(Unit item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : switch (item) {
                case KERNEL_CALL -> "kernel call";
                case PACKET -> "packet";
                case POLL -> "NAPI poll";
                case QUEUE_CALL -> "this queue";
            });
        }
    }
}
