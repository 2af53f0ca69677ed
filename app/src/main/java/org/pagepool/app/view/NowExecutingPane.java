// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.pagepool.trace.KernelFunction;

/**
 * "Now executing": the kernel function the model entered last, what it does
 * in a sentence or two (texts from {@code assets/explanations}), and a link
 * to it in the v5.14 source on elixir.bootlin.com.
 */
public final class NowExecutingPane extends VBox {
    private final Label name = new Label("—");
    private final Label text = new Label("Step through the model to see each kernel function it runs.");
    private final Hyperlink link = new Hyperlink();
    private final Label newer = new Label();
    private final Label chain = new Label();
    private final Properties explanations;
    private KernelFunction shown;

    public NowExecutingPane(Properties explanations, Consumer<String> openUrl) {
        this.explanations = explanations;
        setId("nowExecuting");
        getStyleClass().add("now-executing");
        setPadding(new Insets(4, 6, 4, 6));
        setSpacing(3);
        Label title = new Label("Now executing");
        title.getStyleClass().add("panel-title");
        name.setId("functionName");
        name.getStyleClass().add("function-name");
        text.setId("functionText");
        text.setWrapText(true);
        // whole sentences: the tabs below give way instead (they scroll)
        text.setMinHeight(USE_PREF_SIZE);
        link.setId("sourceLink");
        link.setVisible(false);
        link.setTooltip(new Tooltip("Open this function in the Linux v5.14 source (elixir.bootlin.com)"));
        link.setOnAction(e -> {
            if (shown != null) {
                openUrl.accept(shown.sourceUrl());
            }
        });
        chain.setId("callChain");
        chain.setWrapText(true);
        chain.setMinHeight(USE_PREF_SIZE);
        chain.getStyleClass().add("trace-line");
        newer.setId("newerKernels");
        newer.setWrapText(true);
        newer.setMinHeight(USE_PREF_SIZE);
        newer.getStyleClass().add("scenario-watch");
        getChildren().addAll(title, name, text, chain, newer, link);
    }

    /**
     * Shows the function the last step called into and the functions it went
     * through, or says that nothing is being traced (at high speed).
     */
    public void show(KernelFunction function, List<KernelFunction> calls, boolean tracing) {
        String path = calls.size() > 1 ? "calls: " + calls.stream().map(KernelFunction::kernelName)
                .collect(Collectors.joining(" → ")) : "";
        if (!path.equals(chain.getText())) {
            chain.setText(path);
        }
        if (function == shown && function != null) {
            return;
        }
        shown = function;
        if (function == null) {
            name.setText("—");
            text.setText(tracing ? "Step through the model to see each kernel function it runs."
                    : "Too fast to follow call by call: slow down to 400 steps a second or fewer,"
                    + " or step, to see each kernel function.");
            link.setVisible(false);
            newer.setText("");
            return;
        }
        name.setText(function.kernelName() + "()");
        text.setText(explanations.getProperty(function.kernelName(), ""));
        String later = explanations.getProperty("newer." + function.kernelName(), "");
        newer.setText(later.isEmpty() ? "" : "In newer kernels: " + later);
        link.setText(function.kernelName() + " in Linux v5.14");
        link.setVisible(true);
    }

    /** The explanation of a function (for the tests and the scenario panel). */
    public String explanation(KernelFunction function) {
        return explanations.getProperty(function.kernelName(), "");
    }
}
