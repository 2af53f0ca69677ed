// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Now executing panel's texts: one per kernel function, and a note on
 * newer kernels only for a function that has a text. A key written twice
 * loses its first text without a word (Properties keeps the last): a note
 * on page_pool_release_page was lost that way.
 */
class ExplanationsTest {
    private static List<String> keys() throws IOException {
        List<String> keys = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Assets.url("explanations/functions.properties").openStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    keys.add(line.substring(0, line.indexOf('=')).trim());
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyIsWrittenOnceAndEveryNoteOnNewerKernelsHasItsFunction() throws IOException {
        List<String> keys = keys();
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            assertThat(seen.add(key)).as("%s written once", key).isTrue();
        }
        for (String key : keys) {
            if (key.startsWith("newer.")) {
                assertThat(seen).as("the function %s's own text", key).contains(key.substring("newer.".length()));
            }
        }
    }
}
