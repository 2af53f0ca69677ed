// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.pagepool.run.ModelRunner;
import org.pagepool.run.Runner;
import org.pagepool.run.RunnerCommand;
import org.pagepool.run.SyncRunner;

/**
 * The app's views draw what they are given: they know nothing of the
 * window's controller, launcher or exports above them, and nothing of the
 * runner that produced the views they draw.
 */
class ViewLayerTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pagepool.app");

    @Test
    void viewsDoNotUseTheAppAboveThem() {
        noClasses().that().resideInAPackage("org.pagepool.app.view..")
                .should().dependOnClassesThat().resideInAPackage("org.pagepool.app")
                .check(APP);
    }

    @Test
    void viewsDoNotTalkToTheRunner() {
        noClasses().that().resideInAPackage("org.pagepool.app.view..")
                .should().dependOnClassesThat().belongToAnyOf(ModelRunner.class, Runner.class, SyncRunner.class,
                        RunnerCommand.class)
                .check(APP);
    }
}
