// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.pagepool.script.ScriptFiles;
import org.pagepool.text.Tokens;

/** Loads preset files, naming them as the user gave them in messages. */
public final class PresetFiles {
    /** The file extension of workload presets. */
    public static final String EXTENSION = ".workload";
    /** A preset is a page or two of text; anything longer is not one (and is not read into memory whole). */
    static final int MAX_BYTES = 1 << 20;

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

        /** {@code file:line: message}, or {@code file: message} without a line (control characters escaped). */
        public String located() {
            if (file.isEmpty()) {
                return getMessage();
            }
            return shown(file) + (line > 0 ? ":" + line : "") + ": " + getMessage();
        }

        public int line() {
            return line;
        }
    }

    public static Preset load(String pathAsGiven) throws BadPreset {
        if (pathAsGiven.isEmpty()) {
            throw new BadPreset("", 0, "--preset: the file name is empty");
        }
        Path path;
        try {
            path = Path.of(pathAsGiven);
        } catch (InvalidPathException e) {
            throw new BadPreset(pathAsGiven, 0, "cannot open: not a valid file name");
        }
        return load(path, pathAsGiven);
    }

    public static Preset load(Path path, String name) throws BadPreset {
        return parse(read(path, name), name);
    }

    /** A preset read from {@code in} (standard input), which messages call {@code name}. */
    public static Preset load(InputStream in, String name) throws BadPreset {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new BadPreset(name, 0, "cannot read: " + e.getMessage());
        }
        return parse(checkedSize(bytes, name), name);
    }

    private static Preset parse(byte[] bytes, String name) throws BadPreset {
        try {
            return PresetParser.parse(name, ScriptFiles.splitLines(bytes));
        } catch (ScriptFiles.UnreadableFile e) {
            throw new BadPreset(name, e.line(), e.getMessage());
        } catch (PresetParser.PresetError e) {
            throw new BadPreset(name, e.line(), e.getMessage());
        }
    }

    /** The file's bytes, at most {@link #MAX_BYTES}. */
    private static byte[] read(Path path, String name) throws BadPreset {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new BadPreset(name, 0, "cannot open: Is a directory");
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new BadPreset(name, 0, "cannot open: No such file or directory");
        } catch (AccessDeniedException e) {
            throw new BadPreset(name, 0, "cannot open: Permission denied");
        } catch (IOException e) {
            throw new BadPreset(name, 0, "cannot read: " + e.getMessage());
        }
        return checkedSize(bytes, name);
    }

    /** Reads stop one byte past {@link #MAX_BYTES}: such a file is refused. */
    private static byte[] checkedSize(byte[] bytes, String name) throws BadPreset {
        if (bytes.length > MAX_BYTES) {
            throw new BadPreset(name, 0, "too long for a preset (more than " + MAX_BYTES / 1024 + " KiB)");
        }
        return bytes;
    }

    /** A file name as a message shows it: control characters escaped, the rest as given. */
    private static String shown(String file) {
        StringBuilder out = new StringBuilder(file.length());
        for (int i = 0; i < file.length(); i++) {
            char c = file.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? Tokens.escape(c) : String.valueOf(c));
        }
        return out.toString();
    }
}
