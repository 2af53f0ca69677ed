// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import org.pagepool.trace.TraceEvent;

/** Where the runner core sends page events; it may refuse one (full) and counts what it refused. */
interface EventSink {
    /** Takes {@code event}, or refuses it (and counts it as dropped) when full; never waits. */
    boolean offer(TraceEvent event);

    /** Events refused since the start. */
    long dropped();
}
