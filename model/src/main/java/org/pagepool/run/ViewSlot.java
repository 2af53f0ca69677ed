// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.concurrent.atomic.AtomicReference;
import org.pagepool.view.ModelView;

/**
 * The latest view and the last recording, each a pending slot that is
 * replaced, never queued. The core's thread writes; any thread reads.
 */
final class ViewSlot implements ViewSink {
    private final AtomicReference<ModelView> latest = new AtomicReference<>();
    private final AtomicReference<Recording> recording = new AtomicReference<>();

    @Override
    public void publish(ModelView view) {
        latest.set(view);
    }

    @Override
    public void recorded(Recording done) {
        recording.set(done);
    }

    ModelView latest() {
        return latest.get();
    }

    Recording recording() {
        return recording.get();
    }
}
