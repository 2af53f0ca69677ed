// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during {@code run}: the trace printed so far ends at a whole line and says where it stopped. */
class RunInterruptTest {
    @Test
    void anInterruptedRunKeepsItsTraceToAWholeLine(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("long.pool");
        StringBuilder text = new StringBuilder("memory pages=256\ncreate\n");
        for (int i = 0; i < 5000; i++) {
            text.append("alloc\nrecycle p=64\n");
        }
        Files.writeString(script, text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger asked = new AtomicInteger();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = RunCommand.run(script, "long.pool", o, e, () -> asked.incrementAndGet() > 1000);
        }
        assertThat(status).isEqualTo(RunCommand.INTERRUPTED);
        String trace = out.toString(StandardCharsets.UTF_8);
        assertThat(trace).endsWith("\n");
        String[] lines = trace.split("\n");
        assertThat(lines).hasSize(1001);
        assertThat(lines[1000]).startsWith("1001 ");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stopped when interrupted, after long.pool:1001\n");
    }
}
