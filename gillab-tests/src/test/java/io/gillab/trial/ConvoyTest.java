package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import io.gillab.stats.Stats;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The convoy effect (Beazley 2010): under CPython's GIL an I/O thread that wakes up waits for the
 * CPU-bound thread to drop the lock, so its p99 latency with one CPU thread is at least 10x that with
 * none.
 */
class ConvoyTest {

    private static double p99(TrialResult r, int k) {
        return Stats.median(r.samples().stream()
                .filter(s -> !s.warmup() && s.threads() == k && s.metrics() != null)
                .map(s -> s.metrics().get("latency_p99")).toList()).orElseThrow();
    }

    @ParameterizedTest(name = "convoy[{0}] p99 with 1 CPU thread >= 10x p99 with none")
    @ValueSource(strings = {"cpython-local", "cpython:3.13"})
    void oneCpuThreadStallsTheIoThread(String runtime) throws IOException {
        Availability a = RunFixture.availability(runtime);
        assumeTrue(a.available(), () -> runtime + " not available: " + a.reason());
        Run.Outcome o = RunFixture.run(RunFixture.options(List.of(runtime), List.of("convoy"), List.of(1), 3, 0.2,
                Duration.ofMinutes(5)));
        TrialResult r = o.results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), r::message);
        assertEquals(List.of(0, 1, 2), r.threadCounts());
        for (var s : r.samples()) {
            var m = s.metrics();
            String where = runtime + " sample " + s.index() + " (K=" + s.threads() + ", warm-up " + s.warmup() + "): " + m;
            double stop = m.get("stop");
            double lo = m.get("latency_p99_lo");
            Double hi = m.get("latency_p99_hi");
            assertTrue(stop == 1 && s.seconds() >= 1.5 || stop == 2 && m.get("requests") == 2000, where);
            assertTrue(lo <= m.get("latency_p99") && (hi == null || m.get("latency_p99") <= hi), where);
            assertEquals(m.get("requests") >= 368, hi != null, where + ": an upper end exactly from 368 requests");
        }
        double ratio = p99(r, 1) / p99(r, 0);
        assertTrue(ratio >= 10, () -> String.format("%s: p99 %.3f ms with 1 CPU thread vs %.3f ms with none: %.1fx,"
                + " expected >= 10x", runtime, p99(r, 1) * 1e3, p99(r, 0) * 1e3, ratio));
    }
}
