// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import org.pagepool.workload.Preset;
import org.pagepool.workload.WorkloadParams;

/**
 * What is loaded: a live run of a preset or a script. Immutable.
 *
 * @param params the workload's parameters now (null for a script)
 * @param script the script being stepped through, or null
 * @param preset the live run's preset (with its current seed), null for a script
 */
public record LoadedView(String title, String source, long seed, Preset preset, WorkloadParams params,
                         ScriptView script) {
}
