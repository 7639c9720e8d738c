package io.gillab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.driver.DriverOutput;
import io.gillab.model.TrialResult;
import io.gillab.runtime.DriverCall;
import io.gillab.runtime.ProcessOutput;
import io.gillab.trial.Run;
import io.gillab.trial.RunFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * GraalPy's GIL is per Context: N Contexts on one Engine (one per Java thread) run in parallel, N threads
 * in one Context do not. The worker's Contexts are sandboxed: no processes, no native access.
 */
class GraalPyContextsTest {

    @Test
    void contextsRunTheWorkloadAndReportSamples() throws IOException {
        ModesFixture.assumeAvailable("graalpy-nojit");
        Run.Outcome o = ModesFixture.run("graalpy-nojit", "countdown", List.of("contexts"), List.of(1, 2), 2, 0, 0.02,
                Duration.ofMinutes(2));
        TrialResult r = ModesFixture.trial(o, "contexts");
        assertEquals(TrialResult.Status.ok, r.status(), () -> ModesFixture.describe(r));
        assertEquals("graalpy-nojit/countdown@contexts", r.trial());
        assertEquals(4, r.samples().stream().filter(s -> !s.warmup()).count());
        assertTrue(r.samples().stream().allMatch(s -> s.cpuSeconds() != null),
                "the JVM's process CPU time comes through the host object");
        assertFalse(r.host().path("sandbox").path("processes").asBoolean(true), () -> "host " + r.host());
        assertFalse(r.host().path("sandbox").path("native").asBoolean(true));
    }

    @Test
    void aContextCannotReadOutsideItsDirectories() throws IOException {
        ModesFixture.assumeAvailable("graalpy-nojit");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gillab-sandbox-");
        java.nio.file.Files.writeString(dir.resolve("peek.py"), """
                KIND = "probe"
                DESCRIPTION = "tries to read a file outside the allowed directories"
                PREDICTION = "denied"
                def probe():
                    try:
                        open("/etc/hostname").read()
                        return {"read": True}
                    except Exception as e:
                        return {"read": False, "exception": type(e).__name__}
                """);
        io.gillab.trial.RunOptions opts = io.gillab.trial.RunFixture.options(List.of("graalpy-nojit"),
                List.of("peek"), List.of(1), 1, 0.01, Duration.ofMinutes(2));
        opts = opts.toBuilder().searchPaths(List.of(dir)).build();
        // /tmp is readable (file_read needs it): this check only means something for a file elsewhere
        TrialResult r = io.gillab.trial.RunFixture.run(opts).results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), () -> ModesFixture.describe(r));
        assertFalse(r.probe().path("read").asBoolean(true), () -> "probe " + r.probe());
        assertEquals("PermissionError", r.probe().path("exception").asText(), () -> "probe " + r.probe());
    }

    /** A workload's exception in a Context comes back as itself (type, file, line), as in threads mode. */
    @Test
    void aWorkersErrorIsTheWorkloads() throws IOException {
        ModesFixture.assumeAvailable("graalpy-nojit");
        Path dir = RunFixture.fixtures().resolve("failing");
        DriverCall call = new DriverCall(List.of("run", "raises", "--mode", "contexts", "--threads", "2",
                "--samples", "1", "--warmups", "0", "--jit-wait", "0"), List.of(dir));
        ProcessOutput out = RunFixture.runtime("graalpy-nojit").run(call, Duration.ofMinutes(2));
        List<JsonNode> errors = DriverOutput.parse(out.stdoutLines()).errors();
        assertEquals(1, errors.size(), out.stderrTail());
        JsonNode e = errors.get(0);
        assertEquals("ValueError", e.path("exception").asText(), e::toString);
        assertEquals(dir.resolve("raises.py").toString(), e.path("file").asText(), e::toString);
        assertEquals(10, e.path("line").asInt(), e::toString);
    }

    /** The acceptance command's countdown in both modes, with its defaults; run once, shared (cached). */
    private static Run.Outcome acceptanceRun() throws IOException {
        return ModesFixture.run("graalpy", "countdown", List.of("contexts", "threads"), List.of(1, 2), 2, 6, 10, 0.2,
                Duration.ofMinutes(8));
    }

    /**
     * Contexts run in parallel and beat threads in one Context, which do not scale: the acceptance
     * command ({@code ./gillab run --runtimes graalpy --mode contexts,threads --workloads countdown
     * --threads 1,2}, whose defaults are these: 2 processes, 10 warm-up and 6 measured rounds, 0.2 s).
     * Measured with the JIT on this 2-core machine, paired per-round ratios: contexts 1.88-1.96x by hand
     * (ratio of medians 1.87-1.97x) and 1.57x once inside the CI suite, threads 0.95-1.04x. Until each
     * sample waited for idle JIT compilers (JitQuiet) contexts gave 1.29-1.62x: the Graal compiler's
     * backlog held one of the two cores. Asked: contexts above 1.2 with an interval reaching 1.4 (CI once
     * gave 1.399x as a point: the lowest seen less a margin for the noisy CI machine; the 1.6 is
     * what an idle machine shows), threads with an interval reaching 1.3.
     */
    @Test
    @Tag("slow")
    void contextsScaleThreadsDoNot() throws IOException {
        ModesFixture.assumeAvailable("graalpy");
        Run.Outcome o = acceptanceRun();
        TrialResult c = ModesFixture.trial(o, "contexts");
        assertEquals(TrialResult.Status.ok, c.status(), () -> ModesFixture.describe(c));
        ModesFixture.assertScales(c, 2, 1.2, 1.4, "contexts");
        TrialResult t = ModesFixture.trial(o, "threads");
        ModesFixture.assertDoesNotScale(t, 2, 1.3, "threads");
    }

    /** Every sample of both modes waited for idle JIT compilers first, and says how long. */
    @Test
    @Tag("slow")
    void samplesWaitForAnIdleJit() throws IOException {
        ModesFixture.assumeAvailable("graalpy");
        Run.Outcome o = acceptanceRun();
        for (String mode : List.of("contexts", "threads")) {
            TrialResult r = ModesFixture.trial(o, mode);
            assertEquals(TrialResult.Status.ok, r.status(), () -> ModesFixture.describe(r));
            for (var s : r.samples()) {
                assertTrue(s.jitWaitSeconds() != null && s.jitWaitSeconds() >= 0 && s.jitWaitSeconds() < 3.5,
                        () -> mode + " sample " + s);
                assertTrue(s.jitBusy() != null, () -> mode + " sample " + s);
            }
        }
    }
}
