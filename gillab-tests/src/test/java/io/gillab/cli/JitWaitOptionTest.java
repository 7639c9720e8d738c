package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import io.gillab.trial.Presets;
import io.gillab.trial.RunFixture;
import io.gillab.trial.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --jit-wait}: the longest wait before each sample for idle JIT compilers in a worker JVM. */
class JitWaitOptionTest {

    @Test
    void aNegativeOrNonNumericWaitIsAUsageError() {
        String neg = UsageErrors.of("run", "--jit-wait", "-1");
        assertTrue(neg.contains("--jit-wait must be 0 to 3600 seconds, got -1.0"), neg);
        String word = UsageErrors.of("run", "--jit-wait", "soon");
        assertTrue(word.contains("--jit-wait") && word.contains("soon"), word);
    }

    @Test
    void zeroMeansTheSamplesDoNotWait() throws Exception {
        RunOptions o = jythonCountdown(1, 0);
        TrialResult r = RunFixture.run(o).results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), r::message);
        assertEquals(6, r.samples().size());
        assertTrue(r.samples().stream().allMatch(s -> s.jitWaitSeconds() == null && s.jitBusy() == null),
                () -> "samples " + r.samples());
        // the run records the setting, so merge can refuse runs that waited differently
        Path run = Files.list(o.outDir()).filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        com.fasterxml.jackson.databind.JsonNode recorded = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.toFile()).path("options").path("measurement").path("jit_wait_seconds");
        assertTrue(recorded.isNumber() && recorded.asDouble() == 0.0, () -> "recorded: " + recorded);
    }

    /**
     * Warm-up samples are not measured: they get one look at the compilers (recorded, busy or not), not a
     * wait of up to --jit-wait seconds, so compiling goes on while they run; measured samples still wait.
     */
    @Test
    void warmUpsLookMeasuredSamplesWait() throws Exception {
        TrialResult r = RunFixture.run(jythonCountdown(2, 3.0)).results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), r::message);
        assertTrue(r.samples().stream().allMatch(s -> s.jitWaitSeconds() != null && s.jitBusy() != null),
                () -> "every sample records its JIT check: " + r.samples());
        // a look is one 30 ms window (JitQuiet.WINDOW_MILLIS); 0.5 s leaves room for a loaded machine
        assertTrue(r.samples().stream().filter(s -> s.warmup()).allMatch(s -> s.jitWaitSeconds() < 0.5),
                () -> "warm-ups waited: " + r.samples());
    }

    /** Countdown on Jython at 1 and 2 threads: one process, 2 measured rounds after {@code warmups}. */
    private static RunOptions jythonCountdown(int warmups, double jitWait) throws Exception {
        Availability a = RunFixture.availability("jython");
        assumeTrue(a.available(), () -> "jython not available: " + a.reason());
        Presets.Measurement m = new Presets.Measurement("quick", 1, 2, warmups, 100_000L, 0.2, "strong", jitWait);
        return RunFixture.options(List.of("jython"), List.of("countdown"), List.of(1, 2), m, Duration.ofMinutes(3));
    }
}
