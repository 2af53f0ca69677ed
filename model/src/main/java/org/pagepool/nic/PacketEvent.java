// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import org.pagepool.trace.TraceEvent;

/** NAPI took a packet off an RX descriptor and the XDP program decided its fate. */
public record PacketEvent(int cpu, Verdict verdict, int pool, int handle, int descriptor) implements TraceEvent {
}
