package io.gillab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import io.gillab.trial.Run;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ways around CPython's GIL, in the cpython:3.14 image (concurrent.interpreters exists from 3.14):
 * processes and subinterpreters scale on a CPU-bound workload where threads do not.
 */
class CpythonModesTest {
    static final String RUNTIME = "cpython:3.14";

    @Test
    void processesAndInterpretersRunInTheImage() throws IOException {
        ModesFixture.assumeAvailable(RUNTIME);
        Run.Outcome o = ModesFixture.run(RUNTIME, "countdown", List.of("processes", "interpreters"), List.of(1, 2), 2,
                0, 0.02, Duration.ofMinutes(2));
        for (String mode : List.of("processes", "interpreters")) {
            TrialResult r = ModesFixture.trial(o, mode);
            assertEquals(TrialResult.Status.ok, r.status(), () -> ModesFixture.describe(r));
            assertEquals(RUNTIME + "/countdown@" + mode, r.trial());
            assertEquals(4, r.samples().stream().filter(s -> !s.warmup()).count());
        }
    }

    /** Isolated subinterpreters refuse daemon threads; tcp_echo's server thread must still start there. */
    @Test
    void aWorkloadWithHelperThreadsRunsInSubinterpreters() throws IOException {
        ModesFixture.assumeAvailable(RUNTIME);
        Run.Outcome o = ModesFixture.run(RUNTIME, "tcp_echo", List.of("interpreters"), List.of(1, 2), 1, 0, 0.02,
                Duration.ofMinutes(2));
        TrialResult r = ModesFixture.trial(o, "interpreters");
        assertEquals(TrialResult.Status.ok, r.status(), () -> ModesFixture.describe(r));
    }

    @Test
    void interpretersAreNotAvailableBefore314() throws IOException {
        ModesFixture.assumeAvailable("cpython:3.13");
        Run.Outcome o = ModesFixture.run("cpython:3.13", "countdown", List.of("interpreters"), List.of(1, 2), 1, 0,
                0.01, Duration.ofMinutes(2));
        TrialResult r = ModesFixture.trial(o, "interpreters");
        assertTrue(r.message().contains("mode interpreters not available on CPython 3.13"), r.message());
    }

    /**
     * Processes and interpreters scale, threads do not. By hand at quiet moments: processes 1.92x,
     * interpreters 1.71x, threads 1.01x; the test allows for a noisy 2-core CI machine (>= 1.5x, paired
     * per-round ratios), since other processes' bursts take whole cores from the 2 workers.
     */
    @Test
    @Tag("slow")
    void processesAndInterpretersScaleThreadsDoNot() throws IOException {
        ModesFixture.assumeAvailable(RUNTIME);
        Run.Outcome o = ModesFixture.run(RUNTIME, "countdown", List.of("processes", "interpreters", "threads"),
                List.of(1, 2), 5, 3, 0.2, Duration.ofMinutes(4));
        for (String mode : List.of("processes", "interpreters")) {
            TrialResult r = ModesFixture.trial(o, mode);
            assertEquals(TrialResult.Status.ok, r.status(), () -> ModesFixture.describe(r));
            ModesFixture.assertScales(r, 2, 1.2, 1.5, mode);
        }
        TrialResult t = ModesFixture.trial(o, "threads");
        ModesFixture.assertDoesNotScale(t, 2, 1.3, "threads");
    }
}
