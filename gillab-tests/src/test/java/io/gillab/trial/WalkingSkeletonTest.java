package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.comparison.SuiteRun;
import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each implementation really does with the seed's probe and Beazley's countdown, measured end
 * to end through the same path as {@code ./gillab run}. A runtime that is not available here is
 * skipped with the reason.
 */
class WalkingSkeletonTest {
    /** Large enough that one thread takes >= 0.3 s, so 2-core scaling stands out of the noise. */
    private static final double MIN_SECONDS = 0.3;

    /** A trial and which run it came from, for the failure messages. */
    private record Judged(TrialResult r, String which) {
    }

    /**
     * The comparison suite measures countdown and refcount on its runtimes anyway (the same path as
     * {@code ./gillab run --quick}: one fresh process, 5 samples, 1 and 2 threads): its trial is judged
     * where it has one; a runtime outside its selection is measured here (at least 0.3 s per sample).
     */
    private static Judged trial(String runtime, String name) throws IOException {
        Availability a = RunFixture.availability(runtime);
        assumeTrue(a.available(), () -> runtime + " not available: " + a.reason());
        Optional<TrialResult> suite = name.equals("refcount") ? SuiteRun.probe(runtime, name)
                : SuiteRun.workload(runtime, name);
        if (suite.isPresent()) {
            return new Judged(suite.get(), "suite trial " + suite.get().trial() + " (run " + suite.get().runId() + ")");
        }
        Run.Outcome o = RunFixture.cached("skeleton:" + runtime, RunFixture.options(List.of(runtime),
                List.of("countdown", "refcount"), List.of(1, 2), 5, MIN_SECONDS, Duration.ofMinutes(5)));
        TrialResult r = o.results().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return new Judged(r, "trial " + r.trial() + " (this class's run " + r.runId() + ")");
    }

    private static Judged refcount(String runtime) throws IOException {
        Judged j = trial(runtime, "refcount");
        assertEquals(TrialResult.Status.ok, j.r().status(), () -> j.which() + ": " + j.r().message());
        return j;
    }

    @ParameterizedTest(name = "refcount_fresh_dict[{0}] expects 2")
    @ValueSource(strings = {"cpython-local"})
    void cpythonCountsTheVariableAndTheArgument(String runtime) throws IOException {
        Judged j = refcount(runtime);
        JsonNode p = j.r().probe();
        assertEquals(2, p.path("value").asInt(), () -> j.which() + ": observed " + p);
    }

    @ParameterizedTest(name = "refcount_fresh_dict[{0}] expects -1")
    @ValueSource(strings = {"graalpy"})
    void graalPyAnswersMinusOne(String runtime) throws IOException {
        Judged j = refcount(runtime);
        JsonNode p = j.r().probe();
        assertEquals(-1, p.path("value").asInt(), () -> j.which() + ": observed " + p);
    }

    @ParameterizedTest(name = "refcount_fresh_dict[{0}] expects no sys.getrefcount")
    @ValueSource(strings = {"jython"})
    void jythonHasNoRefcount(String runtime) throws IOException {
        Judged j = refcount(runtime);
        JsonNode p = j.r().probe();
        assertFalse(p.path("available").asBoolean(true), () -> j.which() + ": observed " + p);
        assertEquals("AttributeError", p.path("exception").asText(), () -> j.which() + ": observed " + p);
    }

    /** The countdown on 1 and 2 threads, judged by the expectations table's own cell and rule. */
    private static void countdownScalesAsTheTableSays(String runtime) throws IOException {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs at least 2 cores");
        Judged j = trial(runtime, "countdown");
        TrialResult r = j.r();
        assertEquals(TrialResult.Status.ok, r.status(), () -> j.which() + ": " + r.message());
        RunFixture.assertTableHolds("countdown_speedup_2", r, j.which());
    }

    @ParameterizedTest(name = "countdown_2_threads[{0}] at least 1.3x faster (no GIL)")
    @ValueSource(strings = {"jython"})
    void withoutAGilTwoThreadsRunInParallel(String runtime) throws IOException {
        countdownScalesAsTheTableSays(runtime);
    }

    @ParameterizedTest(name = "countdown_2_threads[{0}] at most 1.3x faster (GIL)")
    @ValueSource(strings = {"cpython-local", "graalpy"})
    void withAGilTwoThreadsDoNotRunInParallel(String runtime) throws IOException {
        countdownScalesAsTheTableSays(runtime);
    }

    @ParameterizedTest(name = "graalpy_nojit[{0}] runs interpreted and says so")
    @ValueSource(strings = {"graalpy-nojit"})
    void graalPyWithoutJitIsLabelled(String runtime) throws IOException {
        Availability a = RunFixture.availability(runtime);
        assumeTrue(a.available(), () -> runtime + " not available: " + a.reason());
        Run.Outcome o = RunFixture.run(RunFixture.options(List.of(runtime), List.of("refcount"), List.of(1), 1, 0.01,
                Duration.ofMinutes(3)));
        TrialResult r = o.results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), r::message);
        assertFalse(r.host().path("jit").asBoolean(true), () -> "host: " + r.host());
        assertEquals(-1, r.probe().path("value").asInt(), () -> "observed " + r.probe());
    }

    @ParameterizedTest(name = "graalpy_jit[{0}] compiles at run time")
    @ValueSource(strings = {"graalpy"})
    @DisplayName("GraalPy trials run with the Graal JIT")
    void graalPyRunsWithItsJit(String runtime) throws IOException {
        Judged j = trial(runtime, "countdown");
        TrialResult r = j.r();
        assertNotNull(r.host(), () -> j.which() + ": no host record");
        assertTrue(r.host().path("jit").asBoolean(),
                () -> j.which() + ": engine: " + r.host().path("engine_implementation"));
    }

    @ParameterizedTest(name = "jit_wait[{0}] every sample waited for idle JIT compilers")
    @ValueSource(strings = {"jython", "graalpy"})
    void jvmWorkersWaitForAnIdleJitBeforeEachSample(String runtime) throws IOException {
        Judged j = trial(runtime, "countdown");
        TrialResult r = j.r();
        assertEquals(TrialResult.Status.ok, r.status(), () -> j.which() + ": " + r.message());
        assertFalse(r.samples().isEmpty(), () -> j.which() + ": no samples");
        for (var x : r.samples()) {
            // the driver's default limit is 3 s (--jit-wait); one look takes 30 ms
            assertTrue(x.jitWaitSeconds() != null && x.jitWaitSeconds() >= 0.02 && x.jitWaitSeconds() < 3.5,
                    () -> j.which() + " sample " + x);
            assertNotNull(x.jitBusy(), () -> j.which() + " sample " + x);
        }
    }

    @ParameterizedTest(name = "jit_wait[{0}] no JIT thread, no wait")
    @ValueSource(strings = {"cpython-local"})
    void interpretersWithoutAJitThreadDoNotWait(String runtime) throws IOException {
        Judged j = trial(runtime, "countdown");
        TrialResult r = j.r();
        assertEquals(TrialResult.Status.ok, r.status(), () -> j.which() + ": " + r.message());
        assertFalse(r.samples().isEmpty(), () -> j.which() + ": no samples");
        assertTrue(r.samples().stream().allMatch(x -> x.jitWaitSeconds() == null && x.jitBusy() == null),
                () -> j.which() + " samples " + r.samples());
    }
}
