package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.runtime.PythonRuntime;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
