package io.gillab.runtime.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.comparison.SuiteRun;
import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import io.gillab.trial.Run;
import io.gillab.trial.RunFixture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each CPython image through the same path as {@code ./gillab run --runtimes cpython:X}: the seed's
 * refcount probe and the countdown on 1 and 2 threads. Skipped (with the reason) when Docker or the
 * image is not there; .ci/run starts the daemon and builds the images so that CI runs them.
 */
@Tag("containers")
class ContainerRuntimeTest {

    /** A trial and which run it came from, for the failure messages. */
    private record Judged(TrialResult r, String which) {
    }

    /**
     * The comparison suite measures refcount and countdown on every available CPython image with this very
     * preset (quick: one fresh process, 5 samples, at least 0.2 s per sample, 1 and 2 threads): its trial is
     * judged where it has one; an image outside its selection (-Dgillab.runtimes) is measured here.
     */
    private static Judged trial(String runtime, String name) throws IOException {
        Availability a = RunFixture.availability(runtime);
        assumeTrue(a.available(), () -> runtime + " not available: " + a.reason());
        Optional<TrialResult> suite = name.equals("refcount") ? SuiteRun.probe(runtime, name)
                : SuiteRun.workload(runtime, name);
        if (suite.isPresent()) {
            return new Judged(suite.get(), "suite trial " + suite.get().trial() + " (run " + suite.get().runId() + ")");
        }
        Run.Outcome o = RunFixture.cached("container:" + runtime, RunFixture.options(List.of(runtime),
                List.of("countdown", "refcount"), List.of(1, 2), 5, 0.2, Duration.ofMinutes(5)));
        TrialResult r = o.results().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return new Judged(r, "trial " + r.trial() + " (this class's run " + r.runId() + ")");
    }

    @ParameterizedTest(name = "refcount_fresh_dict[{0}] expects 2")
    @ValueSource(strings = {"cpython:3.11", "cpython:3.13", "cpython:3.14"})
    void refcountIsTwo(String runtime) throws IOException {
        Judged j = trial(runtime, "refcount");
        TrialResult r = j.r();
        assertEquals(TrialResult.Status.ok, r.status(), () -> j.which() + ": " + r.message());
        assertEquals(2, r.probe().path("value").asInt(), () -> j.which() + ": observed " + r.probe());
    }

    @ParameterizedTest(name = "countdown_2_threads[{0}] at most 1.3x faster (GIL)")
    @ValueSource(strings = {"cpython:3.11", "cpython:3.13", "cpython:3.14"})
    void noSpeedupOnTwoThreads(String runtime) throws IOException {
        Judged j = trial(runtime, "countdown");
        TrialResult r = j.r();
        assertEquals(TrialResult.Status.ok, r.status(), () -> j.which() + ": " + r.message());
        RunFixture.assertTableHolds("countdown_speedup_2", r, j.which());
    }

    @ParameterizedTest(name = "container_metadata[{0}] records image, CPUs and memory")
    @ValueSource(strings = {"cpython:3.13"})
    void trialRecordsWhereItRan(String runtime) throws IOException {
        Judged j = trial(runtime, "refcount");
        Map<String, Object> launch = j.r().launch();
        assertEquals("container", launch.get("kind"), () -> j.which() + ": " + launch);
        assertTrue(String.valueOf(launch.get("image_id")).startsWith("sha256:"), () -> j.which() + ": " + launch);
        assertEquals("none", launch.get("network"), () -> j.which() + ": " + launch);
        assertTrue(((Number) launch.get("cpus")).doubleValue() > 0, () -> j.which() + ": " + launch);
        assertTrue(((Number) launch.get("memory_bytes")).longValue() > 0, () -> j.which() + ": " + launch);
    }
}
