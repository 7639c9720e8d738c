package io.gillab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import io.gillab.trial.Run;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mode an implementation lacks is reported with the reason, not run: Jython has no multiprocessing,
 * no subinterpreters and no Contexts. The trial is skipped (not failed) and its message is the driver's reason.
 */
class ModeAvailabilityTest {

    @Test
    void jythonHasNoProcessesInterpretersOrContexts() throws IOException {
        ModesFixture.assumeAvailable("jython");
        Run.Outcome o = ModesFixture.run("jython", "countdown", List.of("processes", "interpreters", "contexts"),
                List.of(1, 2), 1, 0, 0.01, Duration.ofMinutes(2));
        assertEquals(3, o.results().size());
        TrialResult p = ModesFixture.trial(o, "processes");
        assertEquals(TrialResult.Status.skipped, p.status(), p.message());
        assertTrue(p.message().contains("mode processes not available on Jython: no multiprocessing"), p.message());
        assertEquals("ModeNotAvailable", p.errors().get(0).path("exception").asText());
        assertTrue(ModesFixture.trial(o, "interpreters").message().contains("mode interpreters not available on Jython"));
        assertTrue(ModesFixture.trial(o, "contexts").message().contains("mode contexts not available on Jython"));
    }

    @Test
    void graalPyHasNoProcesses() throws IOException {
        ModesFixture.assumeAvailable("graalpy-nojit");
        Run.Outcome o = ModesFixture.run("graalpy-nojit", "countdown", List.of("processes"), List.of(1, 2), 1, 0,
                0.01, Duration.ofMinutes(2));
        TrialResult p = ModesFixture.trial(o, "processes");
        assertEquals(TrialResult.Status.skipped, p.status(), p.message());
        assertTrue(p.message().contains("mode processes not available on GraalPy"), p.message());
    }
}
