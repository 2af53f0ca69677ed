// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pagepool.nic.Driver;
import org.pagepool.nic.NicStats;

/**
 * A device that opens fills its RX ring first; only then does the link come
 * up and traffic arrive, as on a real NIC after {@code ip link set up}. So a
 * run never opens with packets missed before there was anywhere to put them.
 */
class LinkUpTest {
    @Test
    void nothingArrivesOrIsMissedBeforeTheFirstRxFillEnds() throws Exception {
        Preset preset = Presets.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"));
        Simulation sim = preset.start(null);
        int flags = sim.run(Long.MAX_VALUE, Long.MAX_VALUE, Driver.POLL);
        assertThat(flags & Driver.POLL).as("the first poll ended").isNotZero();
        NicStats nic = sim.driver().stats();
        assertThat(nic.rxPackets()).isZero();
        assertThat(nic.rxMissed()).isZero();
        assertThat(sim.driver().rx().posted()).as("descriptors posted").isEqualTo(sim.driver().rx().size());

        sim.run(Long.MAX_VALUE, 1_000_000, 0); // the first millisecond at 20 Mpps
        nic = sim.driver().stats();
        assertThat(nic.rxPackets()).as("packets after the link came up").isGreaterThan(10_000);
        assertThat(nic.rxMissed()).as("missed with a full ring and a fast poll").isZero();
    }
}
