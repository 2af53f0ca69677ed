// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The model's packages in layers, each using only those below it:
 * <pre>
 *   cli
 *   run
 *   view                          (the snapshots a viewer reads, and their arithmetic)
 *   capture                       (optional: another branch adds it)
 *   workload, script
 *   nic
 *   pool
 *   dma, kernel
 *   cost                          (the cost table: numbers only)
 *   mm, ring, time, trace, text,  (the bottom: they may use each other;
 *   pack                           pack packs what a kept snapshot holds)
 * </pre>
 * The app sits above all of them. There are no exceptions: what the rule
 * found ({@code cost.Flow} reading views from {@code run}) moved up to
 * {@code view.ViewFlow}.
 */
class LayersTest {
    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pagepool");

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.pagepool..")
                .layer("base").definedBy("org.pagepool.mm..", "org.pagepool.ring..", "org.pagepool.time..",
                        "org.pagepool.trace..", "org.pagepool.text..", "org.pagepool.pack..")
                .layer("cost").definedBy("org.pagepool.cost..")
                .layer("kernel").definedBy("org.pagepool.dma..", "org.pagepool.kernel..")
                .layer("pool").definedBy("org.pagepool.pool..")
                .layer("nic").definedBy("org.pagepool.nic..")
                .layer("workload").definedBy("org.pagepool.workload..", "org.pagepool.script..")
                .optionalLayer("capture").definedBy("org.pagepool.capture..")
                .layer("view").definedBy("org.pagepool.view..")
                .layer("run").definedBy("org.pagepool.run..")
                .layer("cli").definedBy("org.pagepool.cli..")
                .whereLayer("base").mayNotAccessAnyLayer()
                .whereLayer("cost").mayOnlyAccessLayers("base")
                .whereLayer("kernel").mayOnlyAccessLayers("base")
                .whereLayer("pool").mayOnlyAccessLayers("base", "kernel")
                .whereLayer("nic").mayOnlyAccessLayers("base", "kernel", "pool")
                .whereLayer("workload").mayOnlyAccessLayers("base", "cost", "kernel", "pool", "nic")
                .whereLayer("capture").mayOnlyAccessLayers("base", "cost", "kernel", "pool", "nic", "workload")
                .whereLayer("view").mayOnlyAccessLayers("base", "cost", "kernel", "pool", "nic", "workload")
                .whereLayer("run").mayOnlyAccessLayers("base", "cost", "kernel", "pool", "nic", "workload",
                        "capture", "view")
                .whereLayer("cli").mayOnlyAccessLayers("base", "cost", "kernel", "pool", "nic", "workload",
                        "capture", "view", "run")
                .ensureAllClassesAreContainedInArchitecture()
                .check(MODEL);
    }

    @Test
    void theMemoryModelNeverUsesThePool() {
        noClasses().that().resideInAPackage("org.pagepool.mm..")
                .should().dependOnClassesThat().resideInAPackage("org.pagepool.pool..")
                .check(MODEL);
    }

    @Test
    void thePoolNeverUsesTheNicTheWorkloadOrTheRunner() {
        noClasses().that().resideInAPackage("org.pagepool.pool..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pagepool.nic..", "org.pagepool.workload..",
                        "org.pagepool.view..", "org.pagepool.run..")
                .check(MODEL);
    }
}
