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
 * The hangs TimeoutTest does not cover (it has the busy loop): a thread that never ends, joined, a read
 * that never returns, and a hang that ignores SIGTERM after orphaning a background process. Each is killed
 * at the time limit with everything it started, recorded as timed out, and the run goes on. A workload that
 * returns leaving a child behind is ok, says so, and the child is ended.
 */
@org.junit.jupiter.api.Tag("slow")
class HangFaultsTest {
    static final List<String> NAMES = List.of("refcount", "hang_thread", "hang_read", "hangs_with_child",
            "leaves_child", "measured");
    /** Long enough for the healthy trials on a loaded 2-core machine, short enough to keep CI quick. */
    static final int LIMIT = 15;

    @ParameterizedTest(name = "hangs on {0}")
    @ValueSource(strings = {"jython", "cpython-local"})
    void hangsAreKilledAtTheLimit(String runtime) throws IOException {
        FaultRun.need(runtime);
        FaultRun.Result r = FaultRun.run(FaultRun.options(List.of(runtime), NAMES, Duration.ofSeconds(LIMIT), null));
        r.assertAllRecorded(NAMES);
        for (String hang : List.of("hang_thread", "hang_read", "hangs_with_child")) {
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
        // a trial owns its process tree: a child holding its pipes, an orphaned grandchild (ChildProcessesTest)
        TrialResult left = r.get("leaves_child");
        assertEquals(TrialResult.Status.ok, left.status(), left::message);
        assertTrue(((Number) left.launch().getOrDefault("left_processes", 0)).intValue() >= 1,
                () -> "the trial does not say it left a process: " + left.launch());
        assertEquals(List.of(), ChildProcessesTest.running("987.65"), "a process a trial started is still running");
    }
}
