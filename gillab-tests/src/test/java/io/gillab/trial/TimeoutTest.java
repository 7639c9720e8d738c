package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A workload that never ends is killed at the time limit, recorded as timed out, and the run goes on. */
class TimeoutTest {

    @ParameterizedTest(name = "forever[{0}] is killed at the time limit")
    @ValueSource(strings = {"jython", "cpython-local"})
    void hungTrialIsKilledAndTheRunGoesOn(String runtime) throws IOException {
        Availability a = RunFixture.availability(runtime);
        assumeTrue(a.available(), () -> runtime + " not available: " + a.reason());
        RunOptions options = RunFixture.options(List.of(runtime), List.of("forever", "refcount"), List.of(1), 1, 0.01,
                Duration.ofSeconds(8));
        long start = System.nanoTime();
        Run.Outcome o = RunFixture.run(options);
        double elapsed = (System.nanoTime() - start) / 1e9;

        Map<String, TrialResult> byName = o.results().stream()
                .collect(Collectors.toMap(TrialResult::name, r -> r));
        TrialResult forever = byName.get("forever");
        assertEquals(TrialResult.Status.timeout, forever.status(), forever::message);
        assertTrue(forever.message().contains("timed out"), forever.message());
        assertEquals(TrialResult.Status.ok, byName.get("refcount").status(), () -> byName.get("refcount").message());
        assertTrue(elapsed < 60, "the run took " + elapsed + " s");

        // Both trials are in results.jsonl, and no process of the killed trial is left running.
        List<TrialResult> saved = o.resultsFile().read();
        assertEquals(List.of("forever", "refcount"), saved.stream().map(TrialResult::name).toList());
        String fixture = RunFixture.fixtures().toString();
        boolean leftover = ProcessHandle.allProcesses()
                .anyMatch(p -> p.info().commandLine().map(c -> c.contains("forever") && c.contains(fixture))
                        .orElse(false));
        assertTrue(!leftover, "a process of the timed-out trial is still running");
    }
}
