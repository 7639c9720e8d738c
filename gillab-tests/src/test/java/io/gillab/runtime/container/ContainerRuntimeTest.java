package io.gillab.runtime.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import io.gillab.trial.Run;
import io.gillab.trial.RunFixture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    private static TrialResult trial(String runtime, String name) throws IOException {
        Availability a = RunFixture.availability(runtime);
        assumeTrue(a.available(), () -> runtime + " not available: " + a.reason());
        Run.Outcome o = RunFixture.cached("container:" + runtime, RunFixture.options(List.of(runtime),
                List.of("countdown", "refcount"), List.of(1, 2), 5, 0.2, Duration.ofMinutes(5)));
        return o.results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "refcount_fresh_dict[{0}] expects 2")
    @ValueSource(strings = {"cpython:3.11", "cpython:3.13", "cpython:3.14"})
    void refcountIsTwo(String runtime) throws IOException {
        TrialResult r = trial(runtime, "refcount");
        assertEquals(TrialResult.Status.ok, r.status(), r::message);
        assertEquals(2, r.probe().path("value").asInt(), () -> "observed " + r.probe());
    }

    @ParameterizedTest(name = "countdown_2_threads[{0}] at most 1.3x faster (GIL)")
    @ValueSource(strings = {"cpython:3.11", "cpython:3.13", "cpython:3.14"})
    void noSpeedupOnTwoThreads(String runtime) throws IOException {
        TrialResult r = trial(runtime, "countdown");
        assertEquals(TrialResult.Status.ok, r.status(), r::message);
        RunFixture.assertTableHolds("countdown_speedup_2", r);
    }

    @ParameterizedTest(name = "container_metadata[{0}] records image, CPUs and memory")
    @ValueSource(strings = {"cpython:3.13"})
    void trialRecordsWhereItRan(String runtime) throws IOException {
        TrialResult r = trial(runtime, "refcount");
        Map<String, Object> launch = r.launch();
        assertEquals("container", launch.get("kind"));
        assertTrue(String.valueOf(launch.get("image_id")).startsWith("sha256:"), launch::toString);
        assertEquals("none", launch.get("network"));
        assertTrue(((Number) launch.get("cpus")).doubleValue() > 0, launch::toString);
        assertTrue(((Number) launch.get("memory_bytes")).longValue() > 0, launch::toString);
    }
}
