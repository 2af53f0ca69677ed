// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The capture reader stands alone: the command line and the app use it, it uses none of them nor the simulation. */
class CaptureLayerTest {
    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pagepool");

    @Test
    void captureDependsOnNoRunnerCommandLineWorkloadOrUi() {
        noClasses().that().resideInAPackage("org.pagepool.capture..").should().dependOnClassesThat()
                .resideInAnyPackage("org.pagepool.run..", "org.pagepool.cli..", "org.pagepool.app..",
                        "org.pagepool.workload..", "org.pagepool.script..", "javafx..")
                .check(MODEL);
    }
}
