package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.driver.DriverOutput;
import io.gillab.runtime.Availability;
import io.gillab.runtime.DriverCall;
import io.gillab.runtime.ProcessOutput;
import io.gillab.runtime.PythonRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalogue is read before any trial starts; a file that breaks the contract is named. */
class CatalogueTest {

    private static Catalogue load() throws IOException {
        PythonRuntime jython = RunFixture.runtime("jython");
        assumeTrue(jython.availability().available(), () -> jython.availability().reason());
        return Catalogue.load(jython, List.of(RunFixture.fixtures()));
    }

    @Test
    void brokenWorkloadIsNamedWithWhatIsMissing() throws IOException {
        Catalogue c = load();
        String problem = c.problems().stream().filter(p -> p.contains("broken_no_run.py")).findFirst()
                .orElseThrow(() -> new AssertionError("no problem reported for broken_no_run.py: " + c.problems()));
        assertTrue(problem.contains("ContractError"), problem);
        assertTrue(problem.contains("run"), problem);
        // the good files are still listed
        assertTrue(c.entries().containsKey("countdown"), c.entries().keySet()::toString);
        assertTrue(c.entries().containsKey("forever"), c.entries().keySet()::toString);
        assertFalse(c.entries().containsKey("broken_no_run"));
    }

    @Test
    void runningABrokenWorkloadFailsBeforeAnyTrialWithTheFileNamed() throws IOException {
        RunOptions options = RunFixture.options(List.of("jython"), List.of("broken_no_run"), List.of(1), 1, 0.01,
                Duration.ofSeconds(60));
        Run.UsageException e = assertThrows(Run.UsageException.class, () -> RunFixture.run(options));
        assertTrue(e.getMessage().contains("broken_no_run.py") && e.getMessage().contains("ContractError"),
                e.getMessage());
    }

    @Test
    void unknownWorkloadListsTheValidNames() throws IOException {
        RunOptions options = RunFixture.options(List.of("jython"), List.of("no_such_workload"), List.of(1), 1, 0.01,
                Duration.ofSeconds(60));
        Run.UsageException e = assertThrows(Run.UsageException.class, () -> RunFixture.run(options));
        assertTrue(e.getMessage().contains("unknown workload or probe 'no_such_workload'")
                && e.getMessage().contains("countdown"), e.getMessage());
    }

    /** A --path folder with a workload (uses_helper.py) and the helper module it imports (_helper.py). */
    private static Path helpers() {
        return RunFixture.fixtures().resolve("helpers");
    }

    @Test
    void helperBesideAWorkloadIsNotListed() throws IOException {
        PythonRuntime jython = RunFixture.runtime("jython");
        assumeTrue(jython.availability().available(), () -> jython.availability().reason());
        Catalogue c = Catalogue.load(jython, List.of(helpers()));
        assertEquals(List.of(), c.problems());
        assertTrue(c.entries().containsKey("uses_helper"), c.entries().keySet()::toString);
        assertFalse(c.entries().containsKey("_helper"));
    }

    /** `list` loads every folder's modules in one interpreter: each must get the helper beside it. */
    @Test
    void twoFoldersEachImportTheirOwnHelper() throws IOException {
        PythonRuntime jython = RunFixture.runtime("jython");
        assumeTrue(jython.availability().available(), () -> jython.availability().reason());
        List<Path> folders = List.of(folderWithHelper("first"), folderWithHelper("second"));
        Catalogue c = Catalogue.load(jython, folders);
        assertEquals(List.of(), c.problems());
        assertTrue(c.entries().keySet().containsAll(List.of("uses_first", "uses_second")),
                c.entries().keySet()::toString);
    }

    /** A user folder with one good probe and three bad files; see issue 18, item 5. */
    private static Path carelessFolder() throws IOException {
        Path dir = Files.createTempDirectory("gillab-careless-");
        String probe = "KIND = 'probe'\nDESCRIPTION = 'd'\nPREDICTION = 'p'\ndef probe():\n    return {}\n";
        Files.writeString(dir.resolve("fine.py"), probe);
        Files.writeString(dir.resolve("my probe.py"), probe);
        Files.writeString(dir.resolve("exits.py"), "import os\nos._exit(0)\n");
        Files.copy(RunFixture.home().scriptsDir().resolve("workloads/countdown.py"), dir.resolve("countdown.py"));
        return dir;
    }

    @Test
    void oneBadFileNeverTakesTheCatalogueDown() throws IOException {
        PythonRuntime lister = RunFixture.runtime("cpython-local");
        assumeTrue(lister.availability().available(), () -> lister.availability().reason());
        Path dir = carelessFolder();
        Catalogue c = Catalogue.load(lister, List.of(dir));
        String problems = String.join("\n", c.problems());
        assertTrue(c.entries().keySet().containsAll(List.of("fine", "countdown", "refcount")), problems);
        assertTrue(c.entries().get("countdown").file().startsWith(RunFixture.home().scriptsDir().toString()),
                "the built-in countdown stays: " + c.entries().get("countdown").file());
        assertTrue(problems.contains(dir.resolve("exits.py") + ": ended the listing process while it was being"
                + " imported (exit code 0)"), problems);
        assertTrue(problems.contains("file name 'my probe.py' is not a Python identifier"), problems);
        assertTrue(problems.contains(dir.resolve("countdown.py") + " has the name of the built-in "
                + RunFixture.home().scriptsDir().resolve("workloads/countdown.py")), problems);
        assertEquals(3, c.problems().size(), problems);

        Catalogue allowed = Catalogue.load(lister, List.of(dir), true);
        assertEquals(dir.resolve("countdown.py").toString(), allowed.entries().get("countdown").file());
    }

    /** A run uses a --path file named like a built-in only when told to, in its trials as in its catalogue. */
    @Test
    void aShadowingFileRunsOnlyWhenAllowed() throws IOException {
        assumeTrue(RunFixture.availability("cpython-local").available(),
                () -> RunFixture.availability("cpython-local").reason());
        Path dir = Files.createTempDirectory("gillab-shadow-");
        // the user's countdown: a fixed size of its own, so the trial shows whose file ran
        String mine = Files.readString(RunFixture.home().scriptsDir().resolve("workloads/countdown.py"))
                .replace("DEFAULT_SIZE = 7000000", "DEFAULT_SIZE = 1234\nCALIBRATE = False");
        Files.writeString(dir.resolve("countdown.py"), mine);
        RunOptions base = RunFixture.options(List.of("cpython-local"), List.of("countdown"), List.of(1), 1, 0.01,
                Duration.ofMinutes(2));
        var builtIn = RunFixture.run(base.toBuilder().searchPaths(List.of(dir)).build()).results().get(0);
        assertEquals(io.gillab.model.TrialResult.Status.ok, builtIn.status(), builtIn::message);
        assertTrue(builtIn.size() != 1234, "the built-in ran, calibrated: size " + builtIn.size());
        var users = RunFixture.run(base.toBuilder().outDir(Files.createTempDirectory("gillab-test-"))
                .searchPaths(List.of(dir)).allowShadowing(true).build()).results().get(0);
        assertEquals(io.gillab.model.TrialResult.Status.ok, users.status(), users::message);
        assertEquals(1234L, users.size(), "the user's file ran");
    }

    /** A folder with uses_NAME.py, which checks that the _helper.py it imports is the one beside it. */
    private static Path folderWithHelper(String name) throws IOException {
        Path dir = Files.createTempDirectory("gillab-helper-" + name + "-");
        Files.writeString(dir.resolve("_helper.py"), "NAME = '" + name + "'\n");
        Files.writeString(dir.resolve("uses_" + name + ".py"), """
                import _helper
                assert _helper.NAME == '%s', 'got the helper of ' + _helper.NAME
                KIND = "cpu"
                DESCRIPTION = "imports its own _helper"
                PREDICTION = "-"
                DEFAULT_SIZE = 1
                def run(size):
                    return size
                """.formatted(name));
        return dir;
    }

    /**
     * The workload's folder is on sys.path while it loads, wherever the driver runs: in a worker JVM (the
     * --path directory as is), a local process, and a container (the directory mounted or copied in).
     * GraalPy's worker is the same JVM with or without its JIT (only the compiler flags differ), and this is
     * plumbing: graalpy-nojit, which starts without loading the Graal compiler.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jython", "graalpy-nojit", "cpython-local", "cpython:3.13"})
    void workloadImportsAHelperBesideIt(String runtime) throws IOException {
        Availability a = RunFixture.availability(runtime);
        assumeTrue(a.available(), () -> runtime + " not available: " + a.reason());
        DriverCall call = new DriverCall(List.of("run", "uses_helper", "--threads", "1,2", "--samples", "1",
                "--warmups", "0", "--jit-wait", "0"), List.of(helpers()));
        ProcessOutput out = RunFixture.runtime(runtime).run(call, Duration.ofMinutes(2));
        DriverOutput parsed = DriverOutput.parse(out.stdoutLines());
        assertEquals(List.of(), parsed.errors().stream().map(DriverOutput::describeError).toList(),
                out.stderrTail());
        assertTrue(parsed.finished(), out.stderrTail());
        assertEquals(2, parsed.measuredSeconds().size(), out.stdoutLines()::toString);
    }
}
