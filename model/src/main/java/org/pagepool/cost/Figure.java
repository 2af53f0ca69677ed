// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cost;

/**
 * A cost in nanoseconds, where it comes from, and whether it is an estimate
 * (derived or scaled from another CPU) rather than a measured figure.
 */
public record Figure(double ns, boolean estimate, String source) {
}
