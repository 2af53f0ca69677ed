// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.io.IOException;
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

/** Reads text files of the project's formats: UTF-8, lines split at '\n' (a '\r' before it is dropped). */
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

    /** Parses the script at {@code pathAsGiven} (messages name it as given). */
    public static Script load(String pathAsGiven) throws UnreadableFile, ScriptSyntaxError {
        return load(Path.of(pathAsGiven), pathAsGiven);
    }

    /** Parses the script at {@code path}, naming it {@code name} in messages. */
    public static Script load(Path path, String name) throws UnreadableFile, ScriptSyntaxError {
        return ScriptParser.parse(name, readLines(path));
    }

    /** The lines of a UTF-8 text file. */
    public static List<String> readLines(Path path) throws UnreadableFile {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new UnreadableFile(0, "cannot open: Is a directory");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UnreadableFile(0, "cannot open: No such file or directory");
        } catch (AccessDeniedException e) {
            throw new UnreadableFile(0, "cannot open: Permission denied");
        } catch (IOException e) {
            throw new UnreadableFile(0, "cannot open: " + e.getMessage());
        }
        return splitLines(bytes);
    }

    /** Decodes UTF-8 (a leading byte order mark is skipped) and splits into lines. */
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
