package io.gillab.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between gillab's packages run one way (cli at the top), checked on the compiled main classes,
 * fully qualified references included (an import-based check misses those). The layers, top down, in the
 * order data flows back up through them (docs/how-a-run-works.md names them the same way):
 *
 * <pre>
 * cli ─┬─ fidelity ─┐
 *      ├─ report ── expect ──────────┬─ stats ───┐
 *      └─ trial ─┬─ runtime ── driver │           ├─ model
 *                ├────────────────────┴─ results ┘
 * worker: the worker JVM's entry point, on its own
 * </pre>
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.gillab");
    }

    /** Every package is a slice of its own (runtime and runtime.container are two). */
    @Test
    void noPackageCycles() {
        slices().matching("io.gillab.(**)").should().beFreeOfCycles().check(main);
    }

    /** Each layer is used only by the layers above it (a cycle or an arrow the wrong way fails here). */
    @Test
    void arrowsRunOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("io.gillab.cli..")
                .layer("junit").definedBy("io.gillab.junit..")
                .layer("api").definedBy("io.gillab.api..")
                .layer("fidelity").definedBy("io.gillab.fidelity..")
                .layer("report").definedBy("io.gillab.report..")
                .layer("trial").definedBy("io.gillab.trial..")
                .layer("expect").definedBy("io.gillab.expect..")
                .layer("runtime").definedBy("io.gillab.runtime..")
                .layer("driver").definedBy("io.gillab.driver..")
                .layer("stats").definedBy("io.gillab.stats..")
                .layer("results").definedBy("io.gillab.results..")
                .layer("model").definedBy("io.gillab.model..")
                .layer("worker").definedBy("io.gillab.worker..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("junit").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("cli", "junit")
                .whereLayer("fidelity").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "api", "junit")
                .whereLayer("trial").mayOnlyBeAccessedByLayers("cli", "api", "fidelity")
                .whereLayer("expect").mayOnlyBeAccessedByLayers("cli", "api", "junit", "report")
                .whereLayer("runtime").mayOnlyBeAccessedByLayers("cli", "api", "fidelity", "trial")
                .whereLayer("driver").mayOnlyBeAccessedByLayers("cli", "fidelity", "trial", "runtime")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("cli", "fidelity", "report", "trial", "expect")
                .whereLayer("results").mayOnlyBeAccessedByLayers("cli", "api", "junit", "fidelity", "report", "trial", "expect")
                .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "api", "junit", "fidelity", "report", "trial", "expect",
                        "runtime", "driver", "stats", "results")
                .whereLayer("worker").mayNotBeAccessedByAnyLayer()
                .whereLayer("worker").mayNotAccessAnyLayer()
                .check(main);
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("io.gillab.cli..").should().dependOnClassesThat()
                .resideInAPackage("io.gillab.cli..").check(main);
    }

    /** The model of results is the bottom: it depends on nothing else of gillab. */
    /** The fidelity experiment is run from the command line, and measures through trial like any run. */
    @Test
    void onlyTheCommandLineRunsTheFidelityExperiment() {
        noClasses().that().resideOutsideOfPackages("io.gillab.cli..", "io.gillab.fidelity..").should()
                .dependOnClassesThat().resideInAPackage("io.gillab.fidelity..").check(main);
    }

    @Test
    void theModelDependsOnNothingOfGillab() {
        noClasses().that().resideInAPackage("io.gillab.model..").should().dependOnClassesThat(
                outsideOf("io.gillab.model")).check(main);
    }

    /** The statistics read the model (trials, samples) and nothing else of gillab. */
    @Test
    void statisticsReadOnlyTheModel() {
        noClasses().that().resideInAPackage("io.gillab.stats..").should().dependOnClassesThat(
                outsideOf("io.gillab.stats", "io.gillab.model")).check(main);
    }

    /** Classes of gillab outside these packages (and their subpackages). */
    private static DescribedPredicate<JavaClass> outsideOf(String... packages) {
        return describe("are in gillab outside " + String.join(", ", packages), (JavaClass c) ->
                c.getPackageName().startsWith("io.gillab.") && Arrays.stream(packages).noneMatch(p ->
                        c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")));
    }
}
