package io.gillab.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hangs TimeoutTest does not cover (it has the busy loop): a thread that never ends, joined, and a
 * read that never returns. Each is killed at the time limit with everything it started, recorded as timed
 * out, and the run goes on.
 */
@org.junit.jupiter.api.Tag("slow")
class HangFaultsTest {
    static final List<String> NAMES = List.of("refcount", "hang_thread", "hang_read", "measured");
    /** Long enough for the healthy trials on a loaded 2-core machine, short enough to keep CI quick. */
    static final int LIMIT = 15;

    @ParameterizedTest(name = "hangs on {0}")
    @ValueSource(strings = {"jython", "cpython-local"})
    void hangsAreKilledAtTheLimit(String runtime) throws IOException {
        FaultRun.need(runtime);
        FaultRun.Result r = FaultRun.run(FaultRun.options(List.of(runtime), NAMES, Duration.ofSeconds(LIMIT), null));
        r.assertAllRecorded(NAMES);
        for (String hang : List.of("hang_thread", "hang_read")) {
            TrialResult t = r.get(hang);
            assertEquals(TrialResult.Status.timeout, t.status(), t::message);
            assertTrue(t.message().startsWith("timed out: killed after " + LIMIT + " s"), t.message());
        }
        assertEquals(TrialResult.Status.ok, r.get("refcount").status(), r.log());
        assertEquals(TrialResult.Status.ok, r.get("measured").status(), r.log());
        String faults = FaultRun.faults().toString();
        boolean leftover = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(c -> c.contains(faults) && (c.contains("hang_thread") || c.contains("hang_read"))).orElse(false));
        assertFalse(leftover, "a process of a timed-out trial is still running");
    }
}
