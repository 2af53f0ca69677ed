// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagepool.app.view.EmittedCapture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's Real system mode: a capture opened, its pools and diagnosis shown; a bad one is a message. */
@ExtendWith(ApplicationExtension.class)
class RealSystemTest extends CaptureFixture {
    @Start
    void start(Stage stage) throws Exception {
        openForCaptures(stage);
    }

    @Test
    void aCaptureShowsItsPoolsAndDiagnosis(FxRobot robot) {
        Path trace = EmittedCapture.emit(dir, "09-unload-stall", "trace").get(0);
        dialogs.answers.add(trace);
        robot.clickOn("#openCapture");
        await("the capture", () -> !window.side().capture().diagnosisLines().isEmpty());
        assertThat(window.side().tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Real system");
        assertThat(window.side().capture().diagnosisLines()).anyMatch(line -> line.contains("still waiting for 62"));
        assertThat(view().live()).as("the simulation goes on beside it").isTrue();
        // the preset derived from the capture, with what it assumed
        assertThat(window.side().capture().assumptionsText()).contains("Estimated from the capture:",
                "traffic.rate = ", "skb.lifetime_ns = ", "Defaulted (the capture cannot show it):", "pool.size = 1024");
        robot.clickOn("#simulateThis");
        await("the derived preset", () -> view().live() && view().source().contains("simulated-trace.txt"));
        robot.clickOn("#lookalike"); // the shipped scenario that tells this story
        await("09", () -> view().live() && view().source().contains("09-unload-stall"));
    }

    /** A capture directory's capture.txt: each interface's ring, queues, node and queue interrupts under the files. */
    @Test
    void whatTheCaptureScriptNotedOfEachInterfaceIsShown(FxRobot robot) throws Exception {
        Path capture = Files.createDirectories(dir.resolve("capture"));
        Files.copy(EmittedCapture.emit(dir, "09-unload-stall", "trace").get(0), capture.resolve("trace.txt"));
        Files.writeString(capture.resolve("capture.txt"), String.join("\n", "# pagepool-capture 1", "rx_ring.eth0=2048",
                "node_cpus.0=0-3", "node_cpus.1=4-7", "numa_node.eth0=0",
                "irq.eth0.40=0-7 mlx5_async0@pci:0000:03:00.0", "irq.eth0.41=1 mlx5_comp0@pci:0000:03:00.0",
                "irq.eth0.42=5 mlx5_comp1@pci:0000:03:00.0", ""));
        String[] error = {"not yet"};
        robot.interact(() -> window.openCapture(capture, loaded -> error[0] = loaded.error()));
        await("the capture", () -> error[0] == null || !error[0].equals("not yet"));
        assertThat(error[0]).isNull();
        assertThat(window.side().capture().sourcesText()).contains("\neth0: RX ring 2048 (ethtool -g), NUMA node 0"
                + " (sysfs), 2 queue interrupts on CPUs 1 (node 0), 5 (node 1) (procfs)");
    }

    @Test
    void aCaptureOfNetlinkDumpsAloneIsShownWithItsStall(FxRobot robot) {
        Path dumps = EmittedCapture.emit(dir, "09-unload-stall", "netlink").get(0);
        String[] error = {"not yet"};
        robot.interact(() -> window.openCapture(dumps, loaded -> error[0] = loaded.error()));
        await("the capture", () -> error[0] == null || !error[0].equals("not yet"));
        assertThat(error[0]).isNull();
        // a pool the trace did not show (no page history): its inflight comes from the dumps
        assertThat(window.side().capture().diagnosisLines()).anyMatch(line -> line.contains("still waiting for 62"));
        assertThat(window.side().tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Real system");
    }

    @Test
    void aLargeCaptureShowsItsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        Path big = dir.resolve("trace.txt");
        int lines = 3 * 65536; // three of the importer's progress reports
        StringBuilder text = new StringBuilder(lines * 140);
        for (int i = 0; i < lines; i++) {
            int k = i / 2 + 1;
            text.append(String.format(Locale.ROOT, "          <idle>-0       [000] ..s1. %6d.%06d: ",
                    100 + i / 1_000_000, i % 1_000_000));
            text.append(i % 2 == 0 ? "page_pool_state_hold" : "page_pool_state_release")
                    .append(": page_pool=00000000c0ffee01 page=000000005a5a0001 pfn=0x")
                    .append(Integer.toHexString(0x1000 + k % 512)).append(i % 2 == 0 ? " hold=" : " release=")
                    .append(k).append('\n');
        }
        Files.writeString(big, text);
        List<Runnable> work = new ArrayList<>();
        controller.setCaptureExecutors(work::add, Runnable::run); // the test runs each import when it wants
        String[] error = {"not yet"};
        ProgressBar bar = robot.lookup("#captureProgress").queryAs(ProgressBar.class);

        robot.interact(() -> window.openCapture(big, loaded -> error[0] = loaded.error()));
        assertThat(window.side().capture().importShown()).isTrue();
        assertThat(bar.getProgress()).isZero();
        robot.interact(() -> work.remove(0).run());
        assertThat(error[0]).isNull();
        assertThat(bar.getProgress()).as("the last report: all read").isEqualTo(1.0);
        assertThat(window.side().capture().importShown()).as("gone when the import ends").isFalse();

        error[0] = "not yet";
        robot.interact(() -> window.openCapture(big, loaded -> error[0] = loaded.error()));
        robot.clickOn("#cancelImport");
        robot.interact(() -> work.remove(0).run()); // stops at its first progress report
        assertThat(error[0]).isEqualTo(big + ": import cancelled");
        assertThat(window.side().capture().importShown()).isFalse();
        await("the message", () -> window.notifications().isShowing());
        assertThat(window.notifications().getText()).isEqualTo(big + ": import cancelled");
    }

    @Test
    void theProgressRowFollowsTheNewestImport(FxRobot robot) throws Exception {
        Path first = dir.resolve("first.txt");
        Path second = dir.resolve("second.txt");
        String hold = "          <idle>-0       [000] ..s1.   100.000000: page_pool_state_hold:"
                + " page_pool=00000000c0ffee01"
                + " page=000000005a5a0001 pfn=0x1000 hold=1\n";
        Files.writeString(first, hold);
        Files.writeString(second, hold);
        List<Runnable> work = new ArrayList<>();
        controller.setCaptureExecutors(work::add, Runnable::run);
        robot.interact(() -> {
            window.openCapture(first, loaded -> { });
            window.openCapture(second, loaded -> { });
        });
        robot.interact(() -> work.remove(0).run());
        assertThat(window.side().capture().importShown()).as("the second import still runs").isTrue();
        robot.interact(() -> work.remove(0).run());
        assertThat(window.side().capture().importShown()).isFalse();
    }

    @Test
    void aCaptureThatCannotBeReadIsAMessage(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "page_pool_state_hold: page_pool=zz page=0 pfn=0xq hold=x\n");
        dialogs.answers.add(bad);
        robot.clickOn("#openCapture");
        await("the message", () -> window.notifications().isShowing());
        assertThat(window.notifications().getText()).startsWith(bad.toString());
    }
}
