// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.pagepool.script.ScriptFiles;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.PresetParser;

/**
 * The files the app carries in {@code assets/} (presets, themes, texts),
 * read from the classpath so they work the same from a checkout and from
 * the app jar.
 */
public final class Assets {
    static final String ROOT = "/assets/";
    /** The preset the window opens on. */
    public static final String DEFAULT_PRESET = "01-xdp-drop.workload";

    private Assets() {
    }

    public static URL url(String path) {
        URL url = Assets.class.getResource(ROOT + path);
        if (url == null) {
            throw new IllegalStateException("missing asset " + path + " (the app was built without assets/)");
        }
        return url;
    }

    /** The stylesheet URL of a theme ({@code light}, {@code dark}, {@code contrast}). */
    public static String stylesheet(String name) {
        return url("css/" + name + ".css").toExternalForm();
    }

    /** The names of the presets in {@code assets/scenarios}, sorted. */
    public static List<String> presetNames() {
        List<String> names = new ArrayList<>();
        try {
            URI uri = url("scenarios").toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                list(fs.provider().getPath(uri), names);
            } else {
                list(Path.of(uri), names);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the presets: " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    private static void list(Path dir, List<String> names) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(PresetFiles.EXTENSION))
                    .forEach(names::add);
        }
    }

    /** A preset the app carries, by file name. */
    public static Preset preset(String name) throws PresetFiles.BadPreset {
        try (InputStream in = url("scenarios/" + name).openStream()) {
            return PresetParser.parse(name, ScriptFiles.splitLines(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScriptFiles.UnreadableFile | PresetParser.PresetError e) {
            throw new IllegalStateException("the app's own preset " + name + " is broken: " + e.getMessage(), e);
        }
    }

    /** A preset from the file system, or else one of the app's own by name. */
    public static Preset presetFileOrAsset(String nameOrPath) throws PresetFiles.BadPreset {
        Path path = Path.of(nameOrPath);
        if (!Files.exists(path)) {
            // a shipped one by its file name, or by the name without its extension (--preset 13-reload-two-pools)
            for (String name : new String[] {nameOrPath, nameOrPath + PresetFiles.EXTENSION}) {
                if (!name.contains("/") && Assets.class.getResource(ROOT + "scenarios/" + name) != null) {
                    return preset(name);
                }
            }
        }
        return PresetFiles.load(nameOrPath);
    }

    /** A properties file of the app's texts (UTF-8). */
    public static Properties texts(String path) {
        Properties properties = new Properties();
        try (InputStream in = url(path).openStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
