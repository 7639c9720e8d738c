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
 * A trial of several processes keeps each one's own records in results.jsonl: its start, launch record,
 * implementation record (its own pid), exit code, wall time, layout and samples.
 */
class ForkRecordsTest {

    @Test
    void eachForkKeepsItsOwnProcessRecords() throws IOException {
        Availability a = RunFixture.availability("cpython-local");
        assumeTrue(a.available(), () -> "cpython-local not available: " + a.reason());
        Presets.Measurement m = new Presets.Measurement("quick", 3, 2, 1, 20_000L, 0.05, "strong", 0);
        RunOptions o = RunFixture.options(List.of("cpython-local"), List.of("countdown"), List.of(1, 2), m,
                Duration.ofMinutes(2));
        TrialResult ran = RunFixture.run(o).results().get(0);
        assertEquals(TrialResult.Status.ok, ran.status(), ran::message);

        TrialResult saved = ResultSet.load(o.outDir()).results().get(0);
        List<Fork> forks = saved.forks();
        assertEquals(3, forks.size());
        assertEquals(ran.startedAt(), forks.get(0).startedAt(), "the trial starts with its first fork");
        for (int f = 0; f < 3; f++) {
            Fork fork = forks.get(f);
            assertEquals(f, fork.index());
            assertEquals(0, fork.exitCode());
            assertTrue(fork.launch() != null && fork.wallSeconds() > 0 && fork.implementation() != null
                    && fork.layout() != null, "" + fork);
            assertEquals(ran.forks().get(f).samples(), fork.samples());
            assertTrue(fork.samples().stream().allMatch(s -> s.fork() == fork.index()));
            if (f > 0) {
                assertTrue(Instant.parse(fork.startedAt()).isAfter(Instant.parse(forks.get(f - 1).startedAt())),
                        "forks start one after another");
                assertNotEquals(forks.get(f - 1).implementation().path("pid"), fork.implementation().path("pid"),
                        "each fork's own implementation record");
            }
        }
    }
}
