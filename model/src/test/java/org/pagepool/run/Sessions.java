// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.nio.file.Path;
import java.util.List;
import org.pagepool.view.GuideView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.PresetFiles;

/** Live sessions of the shipped presets, and what their views say, for the tests that compare two. */
final class Sessions {
    private static final RunnerStatus PAUSED = new RunnerStatus(1, 0, RunnerState.PAUSED, null, 1, false, 0, 0, 0,
            null, List.of(), GuideView.NONE, 0);

    private Sessions() {
    }

    /** A session of {@code assets/scenarios/FILE}, as the app starts one. */
    static LiveSession of(String file) throws Exception {
        return new LiveSession(PresetFiles.load(Path.of("..", "assets", "scenarios", file), file));
    }

    /** What the session's view says about the model, as a paused runner shows it. */
    static Fingerprint fingerprint(LiveSession session) {
        return Fingerprint.of(session.view(PAUSED));
    }
}
