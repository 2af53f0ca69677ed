// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagepool.app.view.CanvasRegion;
import org.pagepool.app.view.Palette;
import org.pagepool.app.view.TimelineMarkers;
import org.pagepool.workload.Param;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a teacher preparing a lecture found wrong in the window, each checked as the class would see it. */
class WindowDefectsTest extends WindowFixture {
    @TempDir
    Path dir;

    private void toFirstCheckpoint(FxRobot robot, boolean predict) {
        robot.clickOn("Scenario");
        robot.clickOn("#guided");
        if (predict) {
            robot.clickOn("#predict");
        }
        robot.clickOn("#play");
        await("the first checkpoint", () -> view().guide().stoppedAt() != null);
    }

    @Test
    void predictAnswersKeepTheirUnderscores(FxRobot robot) {
        toFirstCheckpoint(robot, true);
        await("the question", () -> robot.lookup("#choice-1").tryQuery().isPresent());
        Button ring = robot.lookup("#choice-1").queryAs(Button.class);
        assertThat(ring.isMnemonicParsing()).isFalse();
        assertThat(ring.getText()).isEqualTo("the ptr_ring");
    }

    @Test
    void aRegionACheckpointPointsAtIsFramedAndListedByItsTitle(FxRobot robot) {
        toFirstCheckpoint(robot, false); // 01's first checkpoint points at the alloc cache
        CanvasRegion cache = robot.lookup("#allocCache").queryAs(CanvasRegion.class);
        await("the frame", () -> cache.highlighted());
        WritableImage shot = snapshot(robot, cache);
        Color edge = shot.getPixelReader().getColor(1, (int) (shot.getHeight() / 2));
        assertThat(edge).as("the region's left edge is the warning colour").isEqualTo(Palette.LIGHT.warning());
        List<String> listed = robot.lookup(".checkpoint-done").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(listed).isNotEmpty().allMatch(text -> !text.contains("allocCache"));
        assertThat(listed.get(0)).endsWith("Alloc cache");
    }

    private static WritableImage snapshot(FxRobot robot, CanvasRegion region) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = region.snapshot(null, null));
        return shot[0];
    }

    @Test
    void aSavedFileIsSaidQuietlyWithASuggestedName(FxRobot robot) {
        robot.interact(() -> controller.seek(2_000_000L));
        await("2 ms", () -> view().timeNs() >= 2_000_000L);
        Path file = dir.resolve("shot.png");
        dialogs.answers.add(file);
        robot.clickOn("#save");
        robot.clickOn("Window as PNG…");
        await("the notice", () -> window.timeline().noticeText().startsWith("saved "));
        assertThat(window.timeline().noticeText()).isEqualTo("saved " + file);
        assertThat(window.notifications().isShowing()).as("not the error bar").isFalse();
        assertThat(dialogs.suggested).isEqualTo("01-xdp-drop-2ms.png");
    }

    @Test
    void everyCounterIsWholeInEveryThemeAt1280x720(FxRobot robot) {
        robot.interact(() -> controller.seek(100_000_000L)); // seven-digit counts
        await("100 ms", () -> view().timeNs() >= 100_000_000L);
        for (String theme : List.of("light", "dark", "contrast")) {
            robot.interact(() -> window.controls().theme.setValue(theme));
            WaitForAsyncUtils.waitForFxEvents(3);
            for (Label value : robot.lookup(".counter-value").queryAllAs(Label.class)) {
                robot.interact(() -> {
                    Text text = new Text(value.getText());
                    text.setFont(value.getFont());
                    Insets in = value.getInsets();
                    double room = value.getWidth() - in.getLeft() - in.getRight();
                    assertThat(text.getLayoutBounds().getWidth())
                            .as("%s theme: %s = %s fits its cell", theme, value.getId(), value.getText())
                            .isLessThanOrEqualTo(room + 0.5);
                });
            }
        }
    }

    @Test
    void enterAppliesAParameterAndTheArrowsStepAgain(FxRobot robot) {
        robot.clickOn("Parameters");
        TextField field = editorOf(robot, "napi.budget");
        robot.interact(() -> {
            for (Node n = field; n != null; n = n.getParent()) {
                if (n instanceof TitledPane category) {
                    category.setExpanded(true); // the parameter's category open, as a click on its title does
                }
            }
        });
        await("the category open", () -> field.isVisible());
        robot.interact(() -> {
            field.requestFocus(); // as a click into the field does (it may lie below the sheet's fold)
            field.selectAll();
        });
        await("the field focused", field::isFocused);
        robot.type(KeyCode.DIGIT3, KeyCode.DIGIT2);
        assertThat(field.getText()).isEqualTo("32");
        robot.type(KeyCode.ENTER);
        await("the budget applied", () -> view().params() != null && view().params().getInt(Param.BUDGET) == 32);
        assertThat(field.isFocused()).as("the field gave the keys back").isFalse();
        long before = view().position();
        robot.type(KeyCode.RIGHT);
        await("a step", () -> view().position() > before);
    }

    /** The text field in the property sheet's row named {@code name} (a label and its editor share a grid row). */
    private static TextField editorOf(FxRobot robot, String name) {
        Label label = robot.lookup("#params .label").match(n -> n instanceof Label l && name.equals(l.getText()))
                .queryAs(Label.class);
        Node row = label;
        while (!(row.getParent() instanceof GridPane)) {
            row = row.getParent();
        }
        Integer index = GridPane.getRowIndex(row);
        for (Node cell : row.getParent().getChildrenUnmodifiable()) {
            if (cell != row && Objects.equals(GridPane.getRowIndex(cell), index)) {
                return robot.from(cell).lookup(".text-field").queryAs(TextField.class);
            }
        }
        throw new AssertionError("no editor beside " + name);
    }

    @Test
    void theArrowsStepAfterAToolbarButtonWasClicked(FxRobot robot) {
        robot.clickOn("#step");
        await("a step", () -> view().position() > 0);
        long before = view().position();
        robot.type(KeyCode.RIGHT);
        await("another step", () -> view().position() > before);
        long later = view().position();
        robot.type(KeyCode.LEFT);
        await("a step back", () -> view().position() < later);
    }

    @Test
    void loadingAPresetReplacesTheScriptTabAndTheCheckpointList(FxRobot robot) throws Exception {
        dialogs.answers.add(Path.of(getClass().getResource("/golden/02-ring-path.pool").toURI()));
        robot.clickOn("#openScript");
        await("the script", () -> window.side().script().lineCount() > 0);
        robot.interact(() -> window.controls().presets.setValue("02-redirect-ring.workload"));
        await("02", () -> view().live() && view().source().contains("02-redirect-ring"));
        assertThat(window.side().script().lineCount()).as("no stale script lines").isZero();
        assertThat(window.side().script().titleText()).contains("none");
        List<String> second = checkpointTexts(robot);
        robot.interact(() -> window.controls().presets.setValue("04-undersized-ring.workload"));
        await("04", () -> view().live() && view().source().contains("04-undersized-ring"));
        await("04's checkpoints", () -> !checkpointTexts(robot).equals(second));
        assertThat(stage.getTitle()).contains(view().title());
    }

    private static List<String> checkpointTexts(FxRobot robot) {
        return robot.lookup(".checkpoint-todo").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void theTimelinesMarksStandAboveItsTrackWhereTheThumbPointsAtTheirMoment(FxRobot robot) throws Exception {
        var undersized = Assets.preset("04-undersized-ring.workload");
        robot.interact(() -> controller.loadPreset(undersized));
        robot.interact(() -> controller.seek(2_000_000L)); // a mark needs two views: the ring filled between them
        await("2 ms", () -> view().timeNs() >= 2_000_000L);
        robot.interact(() -> controller.seek(20_000_000L));
        await("20 ms", () -> view().timeNs() >= 20_000_000L);
        TimelineMarkers markers = window.timeline().markers();
        await("a ring-full mark", () -> !markers.marks(TimelineMarkers.Kind.RING_FULL).isEmpty());
        robot.interact(() -> window.scene().getRoot().layout());
        Slider slider = window.timeline().scrubber();
        Node track = slider.lookup(".track");
        Node thumb = slider.lookup(".thumb");
        // under the slider, its track and thumb covered all but the marks' tips
        assertThat(markers.localToScene(markers.getLayoutBounds()).getMaxY()).as("the marks' band's bottom")
                .isLessThanOrEqualTo(track.localToScene(track.getLayoutBounds()).getMinY() + 0.5);
        assertThat(markers.getHeight()).as("the band's height").isGreaterThanOrEqualTo(8);
        Bounds thumbBounds = thumb.localToScene(thumb.getLayoutBounds());
        double thumbCentre = (thumbBounds.getMinX() + thumbBounds.getMaxX()) / 2;
        double markAtNow = markers.localToScene(markers.markX((long) slider.getValue()), 0).getX();
        assertThat(markAtNow).as("a mark of the moment the thumb is at").isCloseTo(thumbCentre, offset(1.5));
    }

    @Test
    void theTimelineShowsTheScenariosCheckpointsGreyedOnceThePlayHeadPassedThem(FxRobot robot) {
        // 01's checkpoints in time: 1 ms and 50 ms (its first is a step's, which has no place in time)
        TimelineMarkers markers = window.timeline().markers();
        await("the checkpoints on the timeline", () -> markers.checkpointTimes().length == 2);
        assertThat(markers.checkpointTimes()).containsExactly(1_000_000L, 50_000_000L);
        robot.interact(() -> controller.seek(2_000_000L));
        await("2 ms", () -> view().timeNs() >= 2_000_000L);
        robot.interact(() -> window.scene().getRoot().layout());
        Color[] colours = new Color[2];
        robot.interact(() -> {
            WritableImage shot = markers.snapshot(null, null);
            int y = 1; // the triangles' wide top
            colours[0] = shot.getPixelReader().getColor((int) markers.markX(1_000_000L), y);
            colours[1] = shot.getPixelReader().getColor((int) markers.markX(50_000_000L), y);
        });
        assertThat(colours[0]).as("the passed checkpoint").isEqualTo(Palette.LIGHT.muted());
        assertThat(colours[1]).as("the one to come").isEqualTo(Palette.LIGHT.accent());
    }
}
