package io.gillab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import io.gillab.trial.Run;
import io.gillab.trial.RunFixture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The free-threaded CPython image ({@code docker/Dockerfile.freethreaded}, CPython 3.14 built with
 * --disable-gil from the python.org source release). It cannot be built where neither python.org nor a
 * registry is reachable (gillab's CI), so there this test is skipped with that reason.
 */
class FreeThreadedImageTest {
    static final String RUNTIME = "cpython:3.14t";

    @Test
    void freeThreadedCountdownScalesOnTwoThreads() throws IOException {
        Availability a = RunFixture.availability(RUNTIME);
        assumeTrue(a.available(), () -> "gillab/cpython:3.14t is not built here (" + a.reason() + "): it needs "
                + "python.org's source release and a registry (bash docker/build-online-images.sh 3.14t), which "
                + "this machine cannot reach");
        Run.Outcome o = ModesFixture.run(RUNTIME, "countdown", List.of("threads"), List.of(1, 2), 5, 3, 0.2,
                Duration.ofMinutes(3));
        TrialResult r = o.results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), () -> ModesFixture.describe(r));
        assertTrue(r.implementation().path("gil_disabled_build").asBoolean(false), () -> "meta " + r.implementation());
        assertFalse(r.implementation().path("gil").asBoolean(true), "the GIL stays off at run time");
        ModesFixture.assertScales(r, 2, 1.2, 1.5, "free-threaded build");
    }
}
