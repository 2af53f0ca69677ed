// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static List<String> lines(InputStream in) throws Exception {
        LineReader reader = new LineReader(in, "f");
        ByteLine line = new ByteLine();
        List<String> out = new ArrayList<>();
        while (reader.next(line)) {
            out.add(line.number + ":" + new String(line.bytes, line.start, line.length(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void crlfAndAMissingLastNewlineAndEmptyLines() throws Exception {
        assertThat(lines(text("a\r\n\nb\rc\nlast"))).containsExactly("1:a", "2:", "3:b\rc", "4:last");
    }

    @Test
    void linesAcrossTheBufferBoundaryComeOutWhole() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            s.append("line number ").append(i).append('\n');
        }
        List<String> out = lines(text(s.toString()));
        assertThat(out).hasSize(20_000);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).isEqualTo((i + 1) + ":line number " + i);
        }
    }

    @Test
    void aLineLongerThanAMebibyteIsRefusedWithItsNumber() {
        String text = "ok\n" + "x".repeat(LineReader.MAX_LINE + 10) + "\n";
        assertThatThrownBy(() -> lines(text(text))).isInstanceOf(CaptureException.class)
                .extracting(e -> ((CaptureException) e).located())
                .isEqualTo("f:2: line longer than 1024 KiB: not a text capture (a binary file?)");
    }

    @Test
    void aLongLineUnderTheLimitIsRead() throws Exception {
        String longLine = "y".repeat(300_000);
        assertThat(lines(text("a\n" + longLine + "\nb"))).containsExactly("1:a", "2:" + longLine, "3:b");
    }
}
