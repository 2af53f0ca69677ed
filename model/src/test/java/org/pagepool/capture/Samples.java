// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The hand-made capture samples in src/test/resources/capture, and importing them. */
final class Samples {
    private Samples() {
    }

    static Path path(String name) {
        URL url = Samples.class.getResource("/capture/" + name);
        assertThat(url).as("sample " + name + " on the test classpath").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static Capture importing(String... names) throws CaptureException {
        List<Path> paths = new ArrayList<>();
        for (String n : names) {
            paths.add(path(n));
        }
        return new CaptureImporter().read(paths, List.of(names));
    }

    static CaptureReport report(String... names) throws CaptureException {
        return CaptureReport.of(importing(names));
    }

    static PoolFindings pool(CaptureReport report, String label) {
        return report.pools().stream().filter(p -> p.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " in " + report.pools()));
    }
}
