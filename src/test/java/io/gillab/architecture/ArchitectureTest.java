package io.gillab.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between gillab's packages run one way (cli at the top), checked on the compiled main classes,
 * fully qualified references included (an import-based check misses those).
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.gillab");
    }

    /**
     * Every package is a slice of its own (runtime and runtime.container are two). One known cycle is
     * left: results reads and writes trial.TrialResult while trial writes results; it goes when the trial
     * result moves into a model package at the bottom (issue 16).
     */
    @Test
    void noPackageCycles() {
        slices().matching("io.gillab.(**)").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("io.gillab.results"), trialResult())
                .check(main);
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("io.gillab.cli..").should().dependOnClassesThat()
                .resideInAPackage("io.gillab.cli..").check(main);
    }

    /** The fidelity experiment is run from the command line, and measures through trial like any run. */
    @Test
    void onlyTheCommandLineRunsTheFidelityExperiment() {
        noClasses().that().resideOutsideOfPackages("io.gillab.cli..", "io.gillab.fidelity..").should()
                .dependOnClassesThat().resideInAPackage("io.gillab.fidelity..").check(main);
    }

    /** The statistics read samples and nothing else of gillab (the sample record moves to model in issue 16). */
    @Test
    void statisticsReadOnlySamples() {
        noClasses().that().resideInAPackage("io.gillab.stats..").should().dependOnClassesThat(
                describe("are in gillab outside stats, other than the sample record",
                        (JavaClass c) -> c.getPackageName().startsWith("io.gillab.")
                                && !c.getPackageName().startsWith("io.gillab.stats")
                                && !c.getName().equals("io.gillab.driver.DriverOutput$Sample"))).check(main);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> trialResult() {
        return describe("io.gillab.trial.TrialResult (and its nested types)",
                c -> c.getName().equals("io.gillab.trial.TrialResult") || c.getName().startsWith("io.gillab.trial.TrialResult$"));
    }
}
