package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The probes of one runtime share a worker JVM, each in a fresh interpreter: each keeps its own answer, stderr,
 * status and time limit; a probe that ends the worker (os._exit) or hangs costs itself only, and the probes
 * after it run in a new worker. Fixtures: src/test/resources/fixtures/batch.
 */
class ProbeBatchTest {

    @Test
    void probesShareAWorkerButNotAnInterpreter() throws Exception {
        Availability jython = RunFixture.availability("jython");
        assumeTrue(jython.available(), () -> "jython not available: " + jython.reason());
        Presets.Measurement m = new Presets.Measurement("quick", 1, 1, 0, null, 0.01, "strong");
        List<String> names = List.of("batch_first", "batch_second", "batch_exit", "batch_hang", "batch_last");
        RunOptions options = RunOptions.builder().runtimes(List.of("jython")).names(names).threads(List.of(1))
                .measurement(m).timeout(Duration.ofSeconds(12)).outDir(Files.createTempDirectory("gillab-batch-"))
                .searchPaths(List.of(RunFixture.fixtures().resolve("batch"))).commandLine("test").build();
        Run.Outcome outcome = RunFixture.run(options);
        Map<String, TrialResult> by = outcome.results().stream()
                .collect(Collectors.toMap(TrialResult::name, Function.identity()));
        assertEquals(names, outcome.resultsFile().read().stream().map(TrialResult::name).toList(), "every probe recorded, in order");

        TrialResult first = by.get("batch_first");
        TrialResult second = by.get("batch_second");
        assertEquals(TrialResult.Status.ok, first.status(), first.message());
        assertEquals(TrialResult.Status.ok, second.status(), second.message());
        assertEquals(42, first.probe().path("answer").asInt());
        assertEquals(first.probe().path("pid").asLong(), second.probe().path("pid").asLong(), "one worker process");
        assertFalse(second.probe().path("marker_was_there").asBoolean(), "a fresh interpreter: no module of the last probe");
        assertEquals(Map.of("call", 1, "calls", 5, "process_start_included", true), first.launch().get("batch"));
        assertEquals(false, ((Map<?, ?>) second.launch().get("batch")).get("process_start_included"));
        assertTrue(first.wallSeconds() > second.wallSeconds(), "the worker's start is charged to the first probe");

        TrialResult exit = by.get("batch_exit");
        assertEquals(TrialResult.Status.failed, exit.status());
        assertTrue(exit.message().contains("exited with code 7"), exit.message());
        assertTrue(exit.stderrTail().contains("batch_exit leaves now"), exit.stderrTail());
        assertFalse(exit.stderrTail().contains("batch_second was here"), "a probe's stderr is its own: " + exit.stderrTail());

        TrialResult hang = by.get("batch_hang");
        assertEquals(TrialResult.Status.timeout, hang.status(), hang.message());
        assertTrue(hang.wallSeconds() < 40, "the time limit applies to the probe, not the batch: " + hang.wallSeconds());

        TrialResult last = by.get("batch_last");
        assertEquals(TrialResult.Status.ok, last.status(), last.message());
        assertEquals(5, last.probe().path("answer").asInt());
        assertNotEquals(first.probe().path("pid").asLong(), last.probe().path("pid").asLong(), "a new worker after the hang");
        assertNull(last.launch().get("batch"), "the one probe left ran on its own");
    }
}
