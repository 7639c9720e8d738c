package io.gillab.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.trial.Run;
import io.gillab.trial.RunFixture;
import io.gillab.trial.RunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A workload file with a syntax error, without its entry point, or breaking the contract stops the run
 * before any trial starts, with the file (and the line, where there is one) named.
 */
class WorkloadFileErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "syntax_error | syntax_error.py:10 | SyntaxError",
        "bad_kind     | bad_kind.py:4      | KIND must be one of cpu, io, mixed, probe",
        "no_entry     | no_entry.py        | run(size) is missing"})
    void brokenFileIsNamedBeforeAnyTrial(String name, String where, String what) throws IOException {
        FaultRun.need("jython");
        RunOptions options = FaultRun.options(List.of("jython", "cpython-local"), List.of("refcount", name),
                Duration.ofSeconds(60), null, RunFixture.fixtures(), FaultRun.faults().resolve("broken"));
        Run.UsageException e = assertThrows(Run.UsageException.class, () -> FaultRun.run(options));
        FaultRun.rememberUsage(name, e.getMessage());
        assertTrue(e.getMessage().startsWith("workload '" + name + "' cannot be loaded: "), e.getMessage());
        assertTrue(e.getMessage().contains(FaultRun.faults().resolve("broken").toString() + "/" + where),
                e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        // Nothing ran: not even the good trial listed before it.
        assertFalse(Files.exists(options.outDir().resolve("results.jsonl")), "no trial may start");
    }
}
