// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pagepool.workload.PresetFiles;

/** {@code --preset} takes a file, or a shipped preset by its file name, with or without {@code .workload}. */
class AssetsTest {
    @Test
    void aShippedPresetIsFoundWithOrWithoutItsExtension() throws Exception {
        String title = Assets.presetFileOrAsset("13-reload-two-pools.workload").title();
        assertThat(Assets.presetFileOrAsset("13-reload-two-pools").title()).isEqualTo(title);
    }

    @Test
    void anUnknownNameIsAMissingFile() {
        assertThatThrownBy(() -> Assets.presetFileOrAsset("13-reload-two-pool"))
                .isInstanceOf(PresetFiles.BadPreset.class)
                .hasMessageContaining("cannot open: No such file or directory");
    }
}
