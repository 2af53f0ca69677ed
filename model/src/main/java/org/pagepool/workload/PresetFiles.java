// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.nio.file.Path;
import org.pagepool.script.ScriptFiles;

/** Loads preset files, naming them as the user gave them in messages. */
public final class PresetFiles {
    /** The file extension of workload presets. */
    public static final String EXTENSION = ".workload";

    private PresetFiles() {
    }

    /**
     * A preset that could not be loaded.
     *
     * @param line the line at fault, 0 when the problem is the file itself
     */
    public static final class BadPreset extends Exception {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final int line;

        BadPreset(String file, int line, String message) {
            super(message, null, false, false);
            this.file = file;
            this.line = line;
        }

        /** {@code file:line: message}, or {@code file: message} without a line. */
        public String located() {
            return file + (line > 0 ? ":" + line : "") + ": " + getMessage();
        }

        public int line() {
            return line;
        }
    }

    public static Preset load(String pathAsGiven) throws BadPreset {
        return load(Path.of(pathAsGiven), pathAsGiven);
    }

    public static Preset load(Path path, String name) throws BadPreset {
        try {
            return PresetParser.parse(name, ScriptFiles.readLines(path));
        } catch (ScriptFiles.UnreadableFile e) {
            throw new BadPreset(name, e.line(), e.getMessage());
        } catch (PresetParser.PresetError e) {
            throw new BadPreset(name, e.line(), e.getMessage());
        }
    }
}
