// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.pagepool.view.GuideView;
import org.pagepool.workload.Checkpoint;
import org.pagepool.workload.Preset;

/**
 * The guided scenario: its title, what happens, what to watch, its
 * checkpoints, and, when the run stops at one, the explanation; in predict
 * mode the question comes first, with a button per answer, and the
 * explanation after the viewer chose. FX thread only.
 */
public final class ScenarioPane extends ScrollPane {
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label watch = new Label();
    private final CheckBox guided = new CheckBox("Stop at the checkpoints");
    private final CheckBox predict = new CheckBox("Predict: ask before explaining");
    private final VBox checkpoints = new VBox(2);
    private final VBox current = new VBox(6);
    private final Label question = new Label();
    private final VBox choices = new VBox(4);
    private final Label verdict = new Label();
    private final Label explanation = new Label();
    private final Button proceed = new Button("Continue");
    private Preset preset;
    /** What a checkpoint's target is called on screen (a region's title); the target itself by default. */
    private Function<String, String> targetNames = Function.identity();
    private Checkpoint shown;
    private boolean answered;

    public ScenarioPane(Consumer<Boolean> onGuided, Runnable onContinue) {
        setId("scenario");
        setFitToWidth(true);
        VBox box = new VBox(6);
        box.setPadding(new Insets(6));
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        summary.setWrapText(true);
        watch.setWrapText(true);
        watch.getStyleClass().add("scenario-watch");
        guided.setId("guided");
        guided.setTooltip(new Tooltip("Pause at each checkpoint of the story and explain what happens there"));
        guided.selectedProperty().addListener((o, was, is) -> onGuided.accept(is));
        predict.setId("predict");
        predict.setTooltip(new Tooltip("At a checkpoint with a question, ask the viewer to guess before the answer"));
        current.setId("checkpoint");
        current.getStyleClass().add("checkpoint-box");
        question.setId("question");
        question.setWrapText(true);
        question.getStyleClass().add("panel-title");
        choices.setId("choices");
        verdict.setId("verdict");
        verdict.setWrapText(true);
        explanation.setId("explanation");
        explanation.setWrapText(true);
        proceed.setId("continue");
        proceed.setTooltip(new Tooltip("Go on playing to the next checkpoint"));
        proceed.setOnAction(e -> onContinue.run());
        current.getChildren().addAll(question, choices, verdict, explanation, proceed);
        current.setVisible(false);
        current.setManaged(false);
        // the checkpoint the run stopped at first, where the eye is (hidden while none); then the teacher's two
        // switches, seen without scrolling at a projector's scale, before the story's text
        FlowPane switches = new FlowPane(12, 4, guided, predict);
        box.getChildren().addAll(title, current, switches, summary, watch, checkpoints);
        setContent(box);
    }

    /** A new preset: its story and checkpoints. */
    public void preset(Preset newPreset) {
        if (newPreset == preset) {
            return;
        }
        preset = newPreset;
        title.setText(preset.title());
        summary.setText(String.join("\n", preset.summary()));
        watch.setText("Watch: " + String.join(" ", preset.watch()));
        shown = null;
        answered = false;
        hideCurrent();
    }

    /** How checkpoint targets are named in the list: a region by its title, a counter by its name. */
    public void setTargetNames(Function<String, String> names) {
        targetNames = names;
        listed = null; // named anew at the next view
    }

    public boolean guided() {
        return guided.isSelected();
    }

    public void setGuided(boolean on) {
        guided.setSelected(on);
    }

    public boolean predict() {
        return predict.isSelected();
    }

    public void setPredict(boolean on) {
        predict.setSelected(on);
    }

    /** Follows the runner's guide: the checkpoint list, and the one the run stopped at. */
    public void show(GuideView guide) {
        List<Checkpoint> list = guide.checkpoints();
        // another preset's list (even of the same length) or another checkpoint reached: list them anew
        if (!list.equals(listed) || guide.next() != ticked) {
            listed = list;
            ticked = guide.next();
            checkpoints.getChildren().clear();
            for (int i = 0; i < list.size(); i++) {
                Checkpoint c = list.get(i);
                Label item = new Label((i < guide.next() ? "✔ " : "○ ") + when(c) + " · "
                        + targetNames.apply(c.target()));
                item.getStyleClass().add(i < guide.next() ? "checkpoint-done" : "checkpoint-todo");
                checkpoints.getChildren().add(item);
            }
        }
        Checkpoint stop = guide.stoppedAt();
        if (stop != shown) {
            shown = stop;
            answered = false;
            if (stop == null) {
                hideCurrent();
            } else {
                showCheckpoint(stop);
            }
        }
    }

    private int ticked = -1;
    private List<Checkpoint> listed;

    private void showCheckpoint(Checkpoint c) {
        current.setVisible(true);
        current.setManaged(true);
        setVvalue(0);
        choices.getChildren().clear();
        verdict.setText("");
        if (predict.isSelected() && c.hasQuestion()) {
            question.setText(c.question());
            for (int i = 0; i < c.choices().size(); i++) {
                int index = i;
                Button b = new Button(c.choices().get(i));
                b.setMnemonicParsing(false); // a preset's text, with names like page_pool_update_nid()
                b.setId("choice-" + i);
                b.setWrapText(true);
                b.setMaxWidth(Double.MAX_VALUE);
                b.setOnAction(e -> answer(c, index));
                choices.getChildren().add(b);
            }
            explanation.setText("");
            proceed.setDisable(true);
        } else {
            question.setText(c.hasQuestion() ? c.question() : "Checkpoint");
            if (c.hasQuestion()) {
                verdict.setText("Answer: " + c.choices().get(c.answer()));
            }
            explanation.setText(c.text());
            proceed.setDisable(false);
        }
    }

    private void answer(Checkpoint c, int index) {
        if (answered) {
            return;
        }
        answered = true;
        boolean right = index == c.answer();
        verdict.setText(right ? "Right: " + c.choices().get(c.answer())
                : "Not quite. The answer: " + c.choices().get(c.answer()));
        verdict.getStyleClass().setAll("label", right ? "verdict-right" : "verdict-wrong");
        for (var node : choices.getChildren()) {
            node.setDisable(true);
        }
        explanation.setText(c.text());
        proceed.setDisable(false);
    }

    private void hideCurrent() {
        current.setVisible(false);
        current.setManaged(false);
    }

    static String when(Checkpoint c) {
        return c.timeNs() >= 0 ? TimelineBar.formatTime(c.timeNs()).replace("t = ", "") : "step " + c.step();
    }

    /** What the checkpoint the run stopped at points at (a region id or a counter), or null. */
    public String target() {
        return shown == null ? null : shown.target();
    }
}
