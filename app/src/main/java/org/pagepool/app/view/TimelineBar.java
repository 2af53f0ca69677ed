// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.pagepool.view.ModelView;

/**
 * The timeline along the bottom: a scrubber over simulated time (drag to go
 * back or forward; the runner replays from its snapshots), the time, and
 * the rates.
 */
public final class TimelineBar extends HBox {
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label time = new Label();
    private final Label status = new Label();
    private final Label notice = new Label();
    private final PauseTransition noticeShown =
            new PauseTransition(Duration.seconds(6));
    private final TimelineMarkers markers = new TimelineMarkers(scrubber);
    /** The marks' band, as a share of the slider's height (which grows with the type). */
    private static final double MARKS_SHARE = 0.6;

    public TimelineBar(LongConsumer seek) {
        setId("timelineBar");
        getStyleClass().add("timeline-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        scrubber.setId("timeline");
        scrubber.setTooltip(new Tooltip("Drag to go to another moment of the run. Marks: ring full (blue),"
                + " cache full (green), refill (grey), waive (teal), kernel warnings (red); triangles: the"
                + " scenario's checkpoints (greyed once passed)"));
        // the marks in a band of their own above the slider: under it, its track and thumb hid all but stubs
        VBox track = new VBox(markers, scrubber);
        markers.setMouseTransparent(true);
        markers.prefHeightProperty().bind(scrubber.heightProperty().multiply(MARKS_SHARE));
        markers.minHeightProperty().bind(markers.prefHeightProperty());
        HBox.setHgrow(track, Priority.ALWAYS);
        time.setId("timeLabel");
        time.setMinWidth(150);
        status.setId("status");
        status.setMinWidth(280);
        scrubber.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                seek.accept((long) scrubber.getValue());
            }
        });
        scrubber.setOnMouseReleased(e -> {
            if (!scrubber.isValueChanging()) {
                seek.accept((long) scrubber.getValue());
            }
        });
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.setMinWidth(Region.USE_PREF_SIZE);
        noticeShown.setOnFinished(e -> notice.setText(""));
        getChildren().addAll(track, notice, time, status);
    }

    /**
     * Says that something went as asked ({@code saved FILE}) for a few
     * seconds, in the status line: not in the error bar, which is red and
     * covers the regions' titles.
     */
    public void notice(String text) {
        notice.setText(text);
        noticeShown.playFromStart();
    }

    public String noticeText() {
        return notice.getText();
    }

    /** Follows the run (unless the user is dragging). */
    public void show(ModelView view, long durationNs) {
        double max = Math.max(durationNs, view.timeNs());
        if (!scrubber.isValueChanging() && !scrubber.isPressed()) {
            scrubber.setMax(max);
            scrubber.setValue(view.timeNs());
        }
        time.setText(view.live() ? formatTime(view.timeNs()) : "line " + view.script().lastLine());
        markers.show(view, max);
        String rates = view.live()
                ? String.format(Locale.ROOT, "%s pps simulated · %s pps wall · step %,d",
                        JourneyOverlay.human(view.simPps()), JourneyOverlay.human(view.wallPps()), view.position())
                : String.format(Locale.ROOT, "%,d lines run", view.position());
        status.setText(view.state().name().toLowerCase(Locale.ROOT) + " · " + rates
                + (view.droppedEvents() > 0 ? " · " + view.droppedEvents() + " events skipped" : ""));
    }

    static String formatTime(long ns) {
        if (ns >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "t = %.3f s", ns / 1e9);
        }
        if (ns >= 1_000_000L) {
            return String.format(Locale.ROOT, "t = %.3f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "t = %.3f µs", ns / 1e3);
    }

    public void setPalette(Palette palette) {
        markers.setPalette(palette);
    }

    public TimelineMarkers markers() {
        return markers;
    }

    public Slider scrubber() {
        return scrubber;
    }
}
