// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every sample is recognised by its content alone (named x.txt), and gzip is read as it is. */
class FormatSnifferTest {
    @ParameterizedTest
    @CsvSource({
        "tracefs-5.14-unload.txt, TRACE",
        "tracefs-oldest-no-pfn.txt, TRACE",
        "trace-cmd-6.10-netmem.txt, TRACE",
        "perf-6.12-netmem-stalled.txt, TRACE",
        "dmesg-5.14.txt, KERNEL_LOG",
        "dmesg-no-time.txt, KERNEL_LOG",
        "journal-6.8-wallclock.txt, KERNEL_LOG",
        "journal-monotonic.txt, KERNEL_LOG",
        "ethtool-eth0.txt, ETHTOOL",
        "ethtool-S-eth3.txt, ETHTOOL",
        "dir-6.8/netlink-pools.txt, NETLINK",
        "dir-6.8/netlink-stats.txt, NETLINK",
        "dir-6.8/links.txt, LINKS",
        "dir-6.8/capture.txt, META",
    })
    void byContent(String sample, CaptureFormat format) throws Exception {
        byte[] bytes = Files.readAllBytes(Samples.path(sample));
        assertThat(FormatSniffer.detect("x.txt", bytes, bytes.length)).isEqualTo(format);
    }

    @Test
    void byNameWhenTheContentSaysNothing() throws Exception {
        byte[] empty = new byte[0];
        assertThat(FormatSniffer.detect("cap/trace.txt", empty, 0)).isEqualTo(CaptureFormat.TRACE);
        assertThat(FormatSniffer.detect("cap/dmesg.txt.gz", empty, 0)).isEqualTo(CaptureFormat.KERNEL_LOG);
        assertThat(FormatSniffer.detect("cap/ethtool-eth0.txt", empty, 0)).isEqualTo(CaptureFormat.ETHTOOL);
        assertThat(FormatSniffer.detect("cap/netlink-pools.txt", empty, 0)).isEqualTo(CaptureFormat.NETLINK);
        assertThat(FormatSniffer.detect("cap/notes.md", empty, 0)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"09-unload-stall.workload", "10-driver-leak.workload"})
    void aPresetThatQuotesTheKernelIsNoCaptureEvenUnderAnotherName(String preset) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("..", "assets", "scenarios", preset));
        assertThat(FormatSniffer.detect("cap/" + preset, bytes, bytes.length)).isNull();
        assertThat(FormatSniffer.detect("cap/notes.txt", bytes, bytes.length)).isNull(); // its settings quote it
    }

    @Test
    void aLoneBracketIsADumpOnlyWhenEntriesFollow() throws Exception {
        byte[] cut = "[  ".getBytes(StandardCharsets.US_ASCII); // a dmesg cut short in its first timestamp
        assertThat(FormatSniffer.detect("cap/dmesg-5.14.txt", cut, cut.length)).isEqualTo(CaptureFormat.KERNEL_LOG);
        byte[] dump = "[\n  {\n    \"id\": 1\n  }\n]\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(FormatSniffer.detect("x.txt", dump, dump.length)).isEqualTo(CaptureFormat.NETLINK);
        byte[] none = "[\n]\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(FormatSniffer.detect("x.txt", none, none.length)).isEqualTo(CaptureFormat.NETLINK);
    }

    @Test
    void aGzippedTraceIsReadAsItIs(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(Files.readAllBytes(Samples.path("tracefs-5.14-unload.txt")));
        }
        Path file = dir.resolve("capture.gz");
        Files.write(file, bytes.toByteArray());
        Capture capture = new CaptureImporter().read(List.of(file), List.of("capture.gz"));
        assertThat(capture.sources().get(0).format()).isEqualTo(CaptureFormat.TRACE);
        assertThat(capture.pools()).hasSize(2);
    }

    @Test
    void perfDataAndNulBytesAreRefusedWithWhatToDo() {
        byte[] perf = "PERFILE2....".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> FormatSniffer.detect("perf.data", perf, perf.length))
                .hasMessage("a perf.data file: convert it to text first (perf script -i perf.data > perf.txt)");
        byte[] nul = {'a', 0, 'b'};
        assertThatThrownBy(() -> FormatSniffer.detect("x", nul, nul.length))
                .hasMessage("binary data (a NUL byte at offset 1): not a text capture");
    }
}
