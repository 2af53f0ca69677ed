// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads capture files and directories into one {@link Capture}. Each file's
 * format is recognised by its content, or its name where the content does not
 * decide; gzip-compressed files are read as they are. Everything streams: a
 * file is never held in memory. One thread; one importer per capture.
 */
public final class CaptureImporter {
    /** Told how far the import has got; returning false cancels it. Called on the importing thread. */
    public interface Progress {
        boolean advance(long bytesRead, long bytesTotal);
    }

    /** How often (in lines) progress is reported and cancellation checked. */
    static final int PROGRESS_LINES = 1 << 16;

    private final TimelineBuilder timeline = new TimelineBuilder();
    private Progress progress = (read, total) -> true;
    private long bytesTotal;
    private long bytesDone;

    public CaptureImporter progress(Progress listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Reads files and capture directories; {@code names} are the paths as the
     * user wrote them (for messages), one per input.
     *
     * @throws CaptureException      for input that cannot be read (nothing is returned then)
     * @throws CancellationException when {@link Progress} said to stop
     */
    public Capture read(List<Path> inputs, List<String> names) throws CaptureException {
        List<Path> files = new ArrayList<>();
        List<String> fileNames = new ArrayList<>();
        List<Boolean> explicit = new ArrayList<>();
        List<Directory> directories = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            String name = names.get(i);
            if (Files.isDirectory(input)) {
                int before = files.size();
                for (Path file : listDirectory(input, name)) {
                    files.add(file);
                    fileNames.add(name.endsWith("/") ? name + file.getFileName() : name + "/" + file.getFileName());
                    explicit.add(false);
                }
                if (files.size() == before) {
                    throw new CaptureException(name, 0, hasSubdirectory(input)
                            ? "no capture files in it (the folders inside are not read: name one instead)"
                            : "an empty directory: no capture files in it");
                }
                directories.add(new Directory(name, before, files.size()));
            } else {
                files.add(input);
                fileNames.add(name);
                explicit.add(true);
            }
        }
        for (Path file : files) {
            try {
                bytesTotal += Files.size(file);
            } catch (IOException e) {
                // reported when the file is opened
            }
        }
        boolean[] recognised = new boolean[files.size()];
        for (int i = 0; i < files.size(); i++) {
            recognised[i] = readFile(files.get(i), fileNames.get(i), explicit.get(i));
        }
        for (Directory d : directories) {
            if (IntStream.range(d.from(), d.to()).noneMatch(i -> recognised[i])) { // as an empty one is
                int n = d.to() - d.from();
                String which = n == 1 ? "its one file is not" : "none of its " + n + " files is";
                throw new CaptureException(d.name(), 0, "no capture files in it: " + which
                        + " a trace, a kernel log, ethtool -S or a netlink dump");
            }
        }
        return timeline.freeze();
    }

    /** Whether {@code dir} holds a folder (which the import does not go into). */
    private static boolean hasSubdirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(Files::isDirectory);
        } catch (IOException | SecurityException e) {
            return false; // it was listed a moment ago: the plain message will do
        }
    }

    /** A directory given as input, and the range of the files listed from it. */
    private record Directory(String name, int from, int to) {
    }

    /** Reads one stream of a known format (tests; a writer's round trip). */
    public void read(InputStream in, String name, CaptureFormat format) throws CaptureException {
        try {
            readStream(in, name, format);
        } catch (IOException e) {
            throw new CaptureException(name, 0, "cannot read: " + describe(e));
        }
    }

    /** The capture read so far. */
    public Capture finish() {
        return timeline.freeze();
    }

    /** Bytes held by the pools' tables now (they must not grow with the number of lines read). */
    public long footprintBytes() {
        return timeline.footprintBytes();
    }

    private static List<Path> listDirectory(Path dir, String name) throws CaptureException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String fileName = entry.getFileName().toString();
                if (!fileName.startsWith(".") && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new CaptureException(name, 0, "cannot list the directory: " + describe(e));
        }
        files.sort(null);
        return files;
    }

    /** Reads one file; false when it was skipped as no capture. */
    private boolean readFile(Path path, String name, boolean explicit) throws CaptureException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            InputStream in = gzip(raw);
            in.mark(FormatSniffer.HEAD);
            byte[] head = new byte[FormatSniffer.HEAD];
            int n = in.readNBytes(head, 0, head.length);
            in.reset();
            CaptureFormat format;
            try {
                format = FormatSniffer.detect(name, head, n);
            } catch (CaptureException e) {
                if (explicit) {
                    throw e;
                }
                // in a directory: trace-cmd's trace.dat beside its report, or any other binary file
                timeline.source(new SourceFile(name, CaptureFormat.SKIPPED, e.getMessage(), 0, 0));
                return false;
            }
            if (format == null) {
                if (explicit) {
                    throw new CaptureException(name, 0, "not a page_pool capture: no tracepoint, kernel log, "
                            + "ethtool -S or netlink content in its first lines, and its name says nothing");
                }
                timeline.source(new SourceFile(name, CaptureFormat.SKIPPED, "", 0, 0));
                return false;
            }
            readStream(in, name, format);
            return true;
        } catch (NoSuchFileException e) {
            throw new CaptureException(name, 0, "cannot open: No such file or directory");
        } catch (AccessDeniedException e) {
            throw new CaptureException(name, 0, "cannot open: Permission denied");
        } catch (IOException e) {
            throw new CaptureException(name, 0, "cannot read: " + describe(e));
        }
    }

    /** The stream itself, or its gunzipped content when it starts with gzip's magic bytes. */
    private static InputStream gzip(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        if (a == 0x1f && b == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private void readStream(InputStream in, String name, CaptureFormat format) throws IOException, CaptureException {
        timeline.reading(name);
        LineReader reader = new LineReader(in, name);
        ByteLine line = new ByteLine();
        switch (format) {
            case TRACE: {
                TraceLineParser parser = new TraceLineParser(name, timeline);
                while (reader.next(line)) {
                    parser.parse(line);
                    tick(reader);
                }
                String layout = parser.events() == 0 ? "no page_pool events"
                        : parser.perfEvents() == parser.events() ? "perf script layout"
                        : parser.perfEvents() == 0 ? "ftrace layout (tracefs, trace-cmd)" : "mixed layouts";
                timeline.source(new SourceFile(name, format, layout, reader.lineNumber(), parser.events()));
                break;
            }
            case KERNEL_LOG: {
                KernelLogParser parser = new KernelLogParser(name, timeline);
                while (reader.next(line)) {
                    parser.parse(line);
                    tick(reader);
                }
                timeline.source(new SourceFile(name, format, "", reader.lineNumber(), parser.events()));
                break;
            }
            case ETHTOOL: {
                EthtoolParser parser = new EthtoolParser(name, timeline);
                while (reader.next(line)) {
                    parser.parse(line);
                    tick(reader);
                }
                parser.finish();
                timeline.source(new SourceFile(name, format, parser.remark(), reader.lineNumber(), parser.samples()));
                break;
            }
            case NETLINK: {
                NetlinkParser parser = new NetlinkParser(reader, name, timeline);
                parser.read();
                timeline.source(new SourceFile(name, format, parser.remark(), reader.lineNumber(), parser.dumps()));
                break;
            }
            case LINKS:
            case META: {
                long records = 0;
                while (reader.next(line)) {
                    boolean read = format == CaptureFormat.LINKS ? SmallFiles.link(line, timeline)
                            : SmallFiles.note(line, name, timeline);
                    records += read ? 1 : 0;
                }
                timeline.source(new SourceFile(name, format, "", reader.lineNumber(), records));
                break;
            }
            default:
                throw new IllegalStateException(format + " is not a format to read");
        }
        bytesDone += reader.consumed();
    }

    private void tick(LineReader reader) {
        if ((reader.lineNumber() & (PROGRESS_LINES - 1)) == 0
                && !progress.advance(bytesDone + reader.consumed(), bytesTotal)) {
            throw new CancellationException("import cancelled");
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
