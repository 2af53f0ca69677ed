// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model stays pure Java: the UI depends on it, never the other way round. */
class NoJavaFxInModelTest {
    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pagepool");
    private static final Pattern JAVAFX_IMPORT = Pattern.compile("\\bimport\\s+(static\\s+)?javafx\\.");

    @Test
    void noModelClassUsesJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(MODEL);
    }

    /** Also catches an import the compiler would drop, and a JavaFX dependency in the model's pom. */
    @Test
    void noModelSourceImportsJavaFx() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(NoJavaFxInModelTest::importsJavaFx)
                    .toList();
        }
        assertThat(offenders).as("model sources importing javafx").isEmpty();
        assertThat(Files.readString(Path.of("pom.xml"))).doesNotContain("openjfx");
    }

    private static boolean importsJavaFx(Path file) {
        try {
            return JAVAFX_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
