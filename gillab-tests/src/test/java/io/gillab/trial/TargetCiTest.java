package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.Fork;
import io.gillab.model.TrialResult;
import io.gillab.results.ResultSet;
import io.gillab.runtime.Availability;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --target-ci}: forks are added until every median's interval is narrow enough, at least 2, at
 * most the maximum, and the trial says which happened. The sleep workload on the local CPython is steady
 * (10 ms sleeps) and cheap, so a loose target stops at 2 forks and an impossible one runs to the maximum.
 */
class TargetCiTest {

    private static TrialResult run(Presets.Target target) throws IOException {
        Presets.Measurement m = new Presets.Measurement("quick", 1, 5, null, null, 0.05, "strong").withTarget(target);
        RunOptions o = RunFixture.options(List.of("cpython-local"), List.of("sleep"), List.of(1), m,
                Duration.ofMinutes(2));
        TrialResult r = RunFixture.run(o).results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), r::message);
        assertEachForkKeptItsOwnRecords(r, ResultSet.load(o.outDir()).results().get(0));
        return r;
    }

    /** results.jsonl keeps each process's own start, launch, implementation (its pid), exit code and samples. */
    private static void assertEachForkKeptItsOwnRecords(TrialResult ran, TrialResult saved) {
        List<Fork> forks = saved.forks();
        assertEquals(ran.forkCount(), forks.size());
        assertEquals(ran.startedAt(), forks.get(0).startedAt(), "the trial starts with its first fork");
        for (int f = 0; f < forks.size(); f++) {
            Fork fork = forks.get(f);
            assertEquals(f, fork.index());
            assertEquals(0, fork.exitCode());
            assertTrue(fork.launch() != null && fork.wallSeconds() > 0 && fork.implementation() != null, "" + fork);
            assertEquals(ran.forks().get(f).samples(), fork.samples());
            if (f > 0) {
                assertTrue(Instant.parse(fork.startedAt()).isAfter(Instant.parse(forks.get(f - 1).startedAt())),
                        "forks start one after another");
                assertNotEquals(forks.get(f - 1).implementation().path("pid"), fork.implementation().path("pid"),
                        "each fork's own implementation record");
            }
        }
    }

    @Test
    void aLooseTargetStopsAtTwoForks() throws IOException {
        Availability a = RunFixture.availability("cpython-local");
        assumeTrue(a.available(), () -> "cpython-local not available: " + a.reason());
        TrialResult r = run(new Presets.Target(0.5, 6, 10));
        assertEquals(2, r.forkCount(), r.message());
        assertTrue(r.message().contains("target ±50.0%: reached"), r.message());
    }

    @Test
    void anImpossibleTargetRunsToTheMaximumAndSaysSo() throws IOException {
        Availability a = RunFixture.availability("cpython-local");
        assumeTrue(a.available(), () -> "cpython-local not available: " + a.reason());
        TrialResult r = run(new Presets.Target(0.00001, 3, 10));
        assertEquals(3, r.forkCount(), r.message());
        assertTrue(r.message().contains("not reached") && r.message().contains("--max-forks"), r.message());
    }
}
