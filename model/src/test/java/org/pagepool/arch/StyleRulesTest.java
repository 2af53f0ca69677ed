// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's Checkstyle rules ({@code config/checkstyle.xml}, the one
 * {@code mvn validate} runs) catch what they are for: a fully qualified type
 * name inline where an import would do, and a line over 120 characters; and
 * they leave imports, comments and class names in strings alone.
 */
class StyleRulesTest {
    private static final Path CONFIG = Path.of("..", "config", "checkstyle.xml");
    private static final String HEADER = "// SPDX-License-Identifier: GPL-2.0-only\npackage org.example;\n\n";

    @TempDir
    Path dir;

    /** The violations in a file of {@code body} after the header, as {@code line: check}. */
    private List<String> violations(String body) throws IOException, CheckstyleException {
        Path file = dir.resolve("Sample.java");
        Files.writeString(file, HEADER + body, StandardCharsets.UTF_8);
        Checker checker = new Checker();
        checker.setModuleClassLoader(Checker.class.getClassLoader());
        checker.configure(ConfigurationLoader.loadConfiguration(CONFIG.toString(),
                new PropertiesExpander(new Properties())));
        List<String> found = new ArrayList<>();
        checker.addListener(new Collector(found));
        try {
            checker.process(List.of(new File(file.toString())));
        } finally {
            checker.destroy();
        }
        return found;
    }

    @Test
    void anInlineQualifiedTypeNameIsCaught() throws Exception {
        assertThat(violations("""
                final class Sample {
                    int[] grow(int[] a) {
                        return java.util.Arrays.copyOf(a, 2 * a.length);
                    }

                    Object state() {
                        return org.pagepool.pool.PoolState.FREED;
                    }
                }
                """)).containsExactly("6: inlineQualifiedName", "10: inlineQualifiedName");
    }

    @Test
    void importsCommentsAndClassNamesInStringsAreLeftAlone() throws Exception {
        assertThat(violations("""
                import java.util.Arrays;
                import static java.util.Arrays.asList;

                /** Unlike {@link java.util.Collections#nCopies}, see org.pagepool.mm.MemMap. */
                final class Sample {
                    String main = "org.pagepool.cli.Main"; // java.util.List would do
                    /* org.pagepool.pool.PagePool */
                    Object list = asList(Arrays.asList(1), System.getProperty("java.class.path"));
                }
                """)).isEmpty();
    }

    @Test
    void aLineOver120CharactersIsCaughtOneOf120IsNot() throws Exception {
        String keep = "    String s = \"" + "x".repeat(120 - 18) + "\";\n";
        assertThat(keep).hasSize(121); // 120 and the newline
        String over = "    String t = \"" + "x".repeat(121 - 18) + "\";\n";
        assertThat(violations("final class Sample {\n" + keep + over + "}\n")).containsExactly("6: LineLength");
    }

    /** Collects each error as {@code line: check} (the id where the config gives one). */
    private record Collector(List<String> found) implements AuditListener {
        @Override
        public void addError(AuditEvent event) {
            String check = event.getModuleId() != null ? event.getModuleId()
                    : event.getSourceName().substring(event.getSourceName().lastIndexOf('.') + 1)
                            .replace("Check", "");
            found.add(event.getLine() + ": " + check);
        }

        @Override
        public void auditStarted(AuditEvent event) {
        }

        @Override
        public void auditFinished(AuditEvent event) {
        }

        @Override
        public void fileStarted(AuditEvent event) {
        }

        @Override
        public void fileFinished(AuditEvent event) {
        }

        @Override
        public void addException(AuditEvent event, Throwable throwable) {
            found.add(event.getLine() + ": exception " + throwable);
        }
    }
}
