// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

/** What the XDP program decided for a packet. */
public enum Verdict {
    DROP, TX, REDIRECT, PASS
}
