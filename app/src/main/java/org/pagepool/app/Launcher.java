// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.application.Application;
import org.pagepool.workload.PresetFiles;

/**
 * The app's entry point. A class that does not extend {@code Application},
 * so that JavaFX runs from the plain classpath ({@code java -jar}). It checks
 * the command line first: a bad option or preset is one line on standard
 * error and exit status 2, before any window exists. With {@code --headless}
 * JavaFX renders through Monocle, without a display; with {@code GDK_GL=disable}
 * in the environment it renders in software from the start.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        AppOptions options;
        try {
            options = AppOptions.parse(args);
            if (options.preset() != null) {
                Assets.presetFileOrAsset(options.preset()); // a bad preset fails here, not in the window
            }
            if (options.capture() != null && !Files.exists(Path.of(options.capture()))) {
                System.err.println("error: " + options.capture() + ": no such file or directory");
                System.exit(2);
                return;
            }
        } catch (AppOptions.BadOptions e) {
            if (e.getMessage().equals("help")) {
                System.out.print(AppOptions.usage());
                System.exit(0);
            }
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (PresetFiles.BadPreset e) {
            System.err.println("error: " + e.located());
            System.exit(2);
            return;
        }
        renderer(options, System.getenv("GDK_GL"), System.getProperties());
        PagePoolApp.options = options;
        JavaFxLog.leaveOutClassPathWarning();
        try {
            Application.launch(PagePoolApp.class);
        } catch (RuntimeException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            System.err.println("error: the window cannot open: " + rootMessage(e)
                    + " (a desktop needs GTK 3; without one, use --headless)");
            System.exit(2);
        }
        System.exit(PagePoolApp.exitStatus);
    }

    /**
     * Where and how JavaFX will draw, as system properties read when it
     * starts: headless through Monocle, in software; in software too when
     * {@code gdkGl} turns GTK's OpenGL off and the command line chose no
     * pipeline; else as JavaFX decides.
     */
    static void renderer(AppOptions options, String gdkGl, Properties props) {
        if (options.headless()) {
            props.setProperty("glass.platform", "Monocle");
            props.setProperty("monocle.platform", "Headless");
            props.setProperty("prism.order", "sw");
            props.setProperty("java.awt.headless", "true");
            props.setProperty("headless.geometry", options.width() + "x" + options.height() + "-32");
        } else if (glDisabled(gdkGl) && props.getProperty("prism.order") == null) {
            props.setProperty("prism.order", "sw");
        }
    }

    /**
     * Whether GTK was told to leave OpenGL alone ({@code GDK_GL=disable}, as
     * on a machine without a GPU). JavaFX is then told too: its ES2
     * pipeline would load Mesa's software OpenGL (LLVM included; the app is
     * 57 MB larger with it) only to find it is not a GPU and fall back to
     * software rendering, and GTK loads it on its own unless GDK_GL says not to.
     */
    static boolean glDisabled(String gdkGl) {
        if (gdkGl == null) {
            return false;
        }
        // as GLib's g_parse_debug_string() reads it: "all" sets every flag but the ones named beside it
        boolean all = false;
        boolean disable = false;
        for (String flag : gdkGl.split("[,:; \t]")) {
            all |= flag.equalsIgnoreCase("all");
            disable |= flag.equalsIgnoreCase("disable");
        }
        return all != disable;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
