package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The remote-daemon path (-Dgillab.container.copy=true): the scripts are copied into the created container
 * as a tar, not bind-mounted, and the root stays writable. Skipped without Docker or the image.
 */
@Tag("containers")
class CopiedScriptsContainerTest {
    @Test
    void aProbeRunsOnCopiedScripts() throws Exception {
        Availability a = RunFixture.availability("cpython:3.13");
        assumeTrue(a.available(), () -> "cpython:3.13 not available: " + a.reason());
        System.setProperty("gillab.container.copy", "true");
        try {
            Run.Outcome o = RunFixture.run(RunFixture.options(List.of("cpython:3.13"), List.of("refcount"), List.of(1), 5,
                    0.2, Duration.ofMinutes(2)));
            TrialResult r = o.results().get(0);
            assertEquals(TrialResult.Status.ok, r.status(), r::message);
            assertEquals(2, r.probe().path("value").asInt(), () -> "observed " + r.probe());
            assertFalse((Boolean) r.launch().get("read_only_root"), r.launch()::toString);
        } finally {
            System.clearProperty("gillab.container.copy");
        }
    }
}
