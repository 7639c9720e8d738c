package io.gillab.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A workload that crashes its interpreter or its worker costs that trial only: {@code os._exit(3)}, a
 * thread of the workload dying of an uncaught exception, infinite recursion (at the default limit, and with
 * the limit lifted until the stack itself overflows). Each is recorded as failed with its cause, a trial
 * written before it stays intact, and the trial after it runs.
 */
class CrashFaultsTest {
    static final List<String> NAMES = List.of("refcount", "exit3", "thread_dies", "recursion", "deep_recursion",
            "prints_exception", "countdown");

    @ParameterizedTest(name = "crashes on {0}")
    @ValueSource(strings = {"jython", "cpython-local"})
    void crashesAreRecordedWithTheirCauseAndTheRunGoesOn(String runtime) throws IOException {
        FaultRun.need(runtime);
        FaultRun.Result r = FaultRun.run(FaultRun.options(List.of(runtime), NAMES, Duration.ofSeconds(90), null));
        r.assertAllRecorded(NAMES);
        assertEquals(TrialResult.Status.ok, r.get("refcount").status(), r.log());
        assertEquals(TrialResult.Status.ok, r.get("countdown").status(), r.log());
        // text that looks like a dying thread is only text: the driver's records say whether one died
        assertEquals(TrialResult.Status.ok, r.get("prints_exception").status(), () -> r.get("prints_exception").message());

        TrialResult exit = failed(r, "exit3");
        assertTrue(exit.message().contains("exited with code 3 before the driver finished"), exit.message());
        assertEquals(3, exit.exitCode());

        TrialResult thread = failed(r, "thread_dies");
        assertTrue(thread.message().startsWith("a workload thread died of an uncaught exception: ValueError: "
                + "helper thread failed on purpose"), thread.message());

        TrialResult rec = failed(r, "recursion");
        assertTrue(rec.message().contains(runtime.equals("jython") ? "RuntimeError: maximum recursion depth exceeded"
                : "RecursionError: maximum recursion depth exceeded"), rec.message());
        assertTrue(rec.message().contains("recursion.py:"), "names the file and line: " + rec.message());

        TrialResult deep = failed(r, "deep_recursion");
        if (runtime.equals("jython")) {
            assertTrue(deep.message().contains("Java StackOverflowError"), deep.message());
        } else {
            // CPython 3.11 overflows the C stack: SIGSEGV; newer ones guard it and raise RecursionError.
            assertTrue(deep.message().contains("SIGSEGV") || deep.message().contains("RecursionError"),
                    deep.message());
        }
    }

    /**
     * GraalPy's worker without its JIT (graalpy-nojit: the same worker JVM and driver, without the Graal
     * compiler's flags): none of these crashes depends on compiled code (os._exit, a thread's uncaught
     * exception, the recursion limit of 1000 that GraalPy checks itself), and loading the compiler cost each of
     * the four fresh JVMs several seconds. GraalPy with its JIT runs in WalkingSkeletonTest, ProbeTest and the
     * comparison suite.
     */
    @Test
    @Tag("slow")
    void crashesOnGraalPy() throws IOException {
        FaultRun.need("graalpy-nojit");
        List<String> names = List.of("refcount", "exit3", "thread_dies", "recursion");
        FaultRun.Result r = FaultRun.run(FaultRun.options(List.of("graalpy-nojit"), names, Duration.ofSeconds(120),
                null));
        r.assertAllRecorded(names);
        assertEquals(TrialResult.Status.ok, r.get("refcount").status(), r.log());
        assertTrue(failed(r, "exit3").message().contains("exited with code 3"), r.log());
        assertTrue(failed(r, "thread_dies").message().contains("ValueError: helper thread failed on purpose"),
                r.log());
        assertTrue(failed(r, "recursion").message().contains("RecursionError"), r.log());
    }

    static TrialResult failed(FaultRun.Result r, String name) {
        TrialResult t = r.get(name);
        assertEquals(TrialResult.Status.failed, t.status(), () -> name + ": " + t.message() + "\n" + r.log());
        return t;
    }
}
