package io.gillab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.trial.Run;
import io.gillab.trial.TrialResult;
import java.io.IOException;
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
        opts = new io.gillab.trial.RunOptions(opts.runtimes(), opts.names(), opts.threads(), opts.measurement(),
                opts.timeout(), opts.outDir(), opts.localPython(), List.of(dir), opts.limits(), "test", false);
        // /tmp is readable (file_read needs it): this check only means something for a file elsewhere
        TrialResult r = io.gillab.trial.RunFixture.run(opts).results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), () -> ModesFixture.describe(r));
        assertFalse(r.probe().path("read").asBoolean(true), () -> "probe " + r.probe());
        assertEquals("PermissionError", r.probe().path("exception").asText(), () -> "probe " + r.probe());
    }

    /**
     * Contexts run in parallel and beat threads in one Context, which do not scale. Measured with the
     * JIT on this 2-core machine, paired per-round ratios: contexts 1.29-1.59x, threads 0.94-1.00x; the
     * Graal compiler's threads keep cpu/wall near 2 even for one worker, so the 2 Contexts never get 2
     * whole cores (the 1.6x by hand is not reached reliably here). Asked: >= 1.2x and <= 1.3x.
     */
    @Test
    @Tag("slow")
    void contextsScaleThreadsDoNot() throws IOException {
        ModesFixture.assumeAvailable("graalpy");
        Run.Outcome o = ModesFixture.run("graalpy", "countdown", List.of("contexts", "threads"), List.of(1, 2), 5, 10,
                0.2, Duration.ofMinutes(5));
        TrialResult c = ModesFixture.trial(o, "contexts");
        assertEquals(TrialResult.Status.ok, c.status(), () -> ModesFixture.describe(c));
        double sc = ModesFixture.speedup(c, 2);
        assertTrue(sc >= 1.2, () -> "contexts: speedup " + sc + " (expected >= 1.2)\n" + ModesFixture.describe(c));
        TrialResult t = ModesFixture.trial(o, "threads");
        double st = ModesFixture.speedup(t, 2);
        assertTrue(st <= 1.3, () -> "threads: speedup " + st + " (expected <= 1.3)\n" + ModesFixture.describe(t));
    }
}
