// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import org.pagepool.view.ModelView;

/** Where the runner core puts what it publishes; an implementation decides who may read it, and from which thread. */
interface ViewSink {
    /** Replaces the latest view (null when not even a view could be made of a failed model). */
    void publish(ModelView view);

    /** A recording that was stopped. */
    void recorded(Recording recording);
}
