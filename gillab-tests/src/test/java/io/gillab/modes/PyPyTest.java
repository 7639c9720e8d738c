package io.gillab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.PythonRuntime;
import io.gillab.trial.Run;
import io.gillab.trial.RunFixture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PyPy in the gillab/pypy:bookworm image (Debian's pypy3 7.3.11, Python 3.9): a JIT runtime with a
 * tracing GC and no {@code sys.getrefcount} at all, against the seed article's claim that PyPy counts
 * references.
 */
class PyPyTest {
    static final String RUNTIME = "pypy:bookworm";

    @Test
    void pypyIsAJitRuntimeOnItsImage() {
        PythonRuntime rt = RunFixture.runtime(RUNTIME);
        assertEquals(RUNTIME, rt.id());
        assertTrue(rt.isJit());
        assertTrue(rt.defaultWarmups() >= 10);
    }

    @Test
    void pypyMeansEveryLocalPyPyImage() {
        ModesFixture.assumeAvailable(RUNTIME);
        io.gillab.runtime.registry.RuntimeRegistry.Resolution r = new io.gillab.runtime.registry.RuntimeRegistry(
                io.gillab.runtime.GillabHome.locate(), "python3").resolveAll(List.of("pypy"));
        assertTrue(r.runtimes().stream().anyMatch(x -> x.id().equals(RUNTIME)), () -> "resolved " + r.runtimes());
        assertTrue(r.runtimes().stream().allMatch(PythonRuntime::isJit));
    }

    @Test
    void pypyHasNoGetrefcount() throws IOException {
        ModesFixture.assumeAvailable(RUNTIME);
        Run.Outcome o = ModesFixture.run(RUNTIME, "refcount", List.of("threads"), List.of(1), 1, 0, 0.01,
                Duration.ofMinutes(2));
        TrialResult r = o.results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), () -> ModesFixture.describe(r));
        assertEquals("PyPy", r.implementation().path("implementation").asText());
        assertFalse(r.probe().path("available").asBoolean(true), () -> "probe " + r.probe());
        assertEquals("AttributeError", r.probe().path("exception").asText(), () -> "probe " + r.probe());
    }

    @Test
    void pypyRunsAWorkloadInThreadsAndProcesses() throws IOException {
        ModesFixture.assumeAvailable(RUNTIME);
        Run.Outcome o = ModesFixture.run(RUNTIME, "fib", List.of("threads", "processes"), List.of(1, 2), 2, 2, 0.02,
                Duration.ofMinutes(2));
        for (TrialResult r : o.results()) {
            assertEquals(TrialResult.Status.ok, r.status(), () -> ModesFixture.describe(r));
        }
    }
}
