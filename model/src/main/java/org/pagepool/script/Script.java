// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.util.List;

/**
 * A parsed {@code .pool} script: its commands in order and its source lines
 * (for showing the script beside its trace). Immutable.
 *
 * @param fileName the path as the user gave it (error messages name it)
 */
public record Script(String fileName, List<Command> commands, List<String> sourceLines) {
    public Script {
        commands = List.copyOf(commands);
        sourceLines = List.copyOf(sourceLines);
    }
}
