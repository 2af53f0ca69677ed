// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .pool} scripts as a stream of lines, so that memory does not
 * grow with a script's length: {@link #check} and {@link #forEachCommand}
 * keep nothing of the lines they have passed; only {@link #load}, for the
 * window that shows a script, keeps them. Also splits other UTF-8 text files
 * of the project (presets, at most a megabyte) into lines.
 */
public final class ScriptFiles {
    private ScriptFiles() {
    }

    /** A file that could not be read; the message says why in a person's words. */
    public static final class UnreadableFile extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        UnreadableFile(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        /** The line where the text went wrong, or 0 when the file could not be opened. */
        public int line() {
            return line;
        }
    }

    /** Receives the commands of a script in order, as they are read. */
    @FunctionalInterface
    public interface CommandSink {
        /** Returns false to stop reading. */
        boolean accept(Command command);
    }

    /** Parses the script at {@code pathAsGiven} (messages name it as given). */
    public static Script load(String pathAsGiven) throws UnreadableFile, ScriptSyntaxError {
        return load(Path.of(pathAsGiven), pathAsGiven);
    }

    /** Parses the whole script at {@code path}, keeping its lines to show; messages name it {@code name}. */
    public static Script load(Path path, String name) throws UnreadableFile, ScriptSyntaxError {
        try (InputStream in = open(path)) {
            return parse(name, in);
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    /** Parses a whole script from a stream, keeping its lines to show. */
    public static Script parse(String name, InputStream in) throws UnreadableFile, ScriptSyntaxError {
        List<Command> commands = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        read(in, lines, (number, code) -> {
            Command command = ScriptParser.parseLine(number, code);
            if (command != null) {
                commands.add(command);
            }
            return true;
        });
        return new Script(name, commands, lines);
    }

    /** Parses every line of the script at {@code path} and keeps nothing: the first bad line throws. */
    public static void check(Path path) throws UnreadableFile, ScriptSyntaxError {
        forEachCommand(path, command -> true);
    }

    /** Parses the script at {@code path} line by line, handing each command to {@code sink} as it is read. */
    public static void forEachCommand(Path path, CommandSink sink) throws UnreadableFile, ScriptSyntaxError {
        try (InputStream in = open(path)) {
            read(in, null, (number, code) -> {
                Command command = ScriptParser.parseLine(number, code);
                return command == null || sink.accept(command);
            });
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    private static InputStream open(Path path) throws UnreadableFile {
        if (Files.isDirectory(path)) {
            throw new UnreadableFile(0, "cannot read: Is a directory");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new UnreadableFile(0, "cannot open: No such file or directory");
        } catch (AccessDeniedException e) {
            throw new UnreadableFile(0, "cannot open: Permission denied");
        } catch (IOException e) {
            throw new UnreadableFile(0, "cannot open: " + e.getMessage());
        }
    }

    private static UnreadableFile cannotRead(IOException e) {
        return new UnreadableFile(0, "cannot read: " + e.getMessage());
    }

    private static void read(InputStream in, List<String> shown, ScriptLineReader.Visitor visitor)
            throws UnreadableFile, ScriptSyntaxError {
        try {
            new ScriptLineReader(in, shown).readAll(visitor);
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    /** Decodes UTF-8 (a leading byte order mark is skipped) and splits into lines; for presets. */
    public static List<String> splitLines(byte[] bytes) throws UnreadableFile {
        List<String> lines = new ArrayList<>();
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int textEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            try {
                lines.add(decoder.decode(ByteBuffer.wrap(bytes, start, textEnd - start)).toString());
            } catch (CharacterCodingException e) {
                throw new UnreadableFile(lines.size() + 1, "not valid UTF-8 text");
            }
            start = end + 1;
        }
        return lines;
    }
}
