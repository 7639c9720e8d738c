package io.gillab.modes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.driver.DriverOutput;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import io.gillab.stats.TrialAnalysis;
import io.gillab.trial.Presets;
import io.gillab.trial.Run;
import io.gillab.trial.RunFixture;
import io.gillab.trial.RunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Runs a workload in one or more execution modes the way {@code ./gillab run --mode ...} does. */
final class ModesFixture {
    private static final Map<String, Run.Outcome> CACHE = new ConcurrentHashMap<>();

    private ModesFixture() {
    }

    static void assumeAvailable(String runtime) {
        Availability a = RunFixture.availability(runtime);
        assumeTrue(a.available(), () -> runtime + " not available here: " + a.reason());
    }

    /** One process per trial; {@code samples} measured rounds after {@code warmups}; cached per key. */
    static Run.Outcome run(String runtime, String workload, List<String> modes, List<Integer> threads, int samples,
            Integer warmups, double minSeconds, Duration timeout) throws IOException {
        return run(runtime, workload, modes, threads, 1, samples, warmups, minSeconds, timeout);
    }

    /** {@code forks} processes per trial; {@code samples} measured rounds after {@code warmups}; cached per key. */
    static Run.Outcome run(String runtime, String workload, List<String> modes, List<Integer> threads, int forks,
            int samples, Integer warmups, double minSeconds, Duration timeout) throws IOException {
        String key = runtime + "|" + workload + "|" + modes + "|" + threads + "|" + forks + "|" + samples + "|"
                + warmups + "|" + minSeconds;
        Run.Outcome cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Path out = Files.createTempDirectory("gillab-modes-");
        Presets.Measurement m = new Presets.Measurement("quick", forks, samples, warmups, null, minSeconds, "strong");
        RunOptions o = RunOptions.builder().runtimes(List.of(runtime)).names(List.of(workload)).threads(threads)
                .measurement(m).timeout(timeout).outDir(out).commandLine("test").modes(modes).build();
        Run.Outcome outcome = RunFixture.run(o);
        CACHE.put(key, outcome);
        return outcome;
    }

    static TrialResult trial(Run.Outcome o, String mode) {
        return o.results().stream().filter(r -> mode.equals(r.mode())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + mode + " trial in " + o.results()));
    }

    static double median(TrialResult r, int threads) {
        double[] s = r.samples().stream().filter(x -> !x.warmup() && x.threads() == threads)
                .mapToDouble(Sample::seconds).sorted().toArray();
        if (s.length == 0) {
            throw new AssertionError("no measured samples at " + threads + " in " + r.trial());
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The trial's speedup at N with its 95% interval (paired rounds, forks then rounds resampled). */
    static io.gillab.stats.Scaling scaling(TrialResult r, int n) {
        io.gillab.stats.Scaling s = TrialAnalysis.of(r).scaling().get(n);
        if (s == null) {
            throw new AssertionError("no steady rounds at 1 and " + n + " in " + r.trial());
        }
        return s;
    }

    /**
     * Workers that run in parallel: the speedup is well above 1 (past {@code floor}, which a GIL's 0.7-1.1x
     * never reaches) and its interval reaches {@code expected}; a noisy machine's dip below the expected
     * figure, inside the interval, does not fail it.
     */
    static void assertScales(TrialResult r, int n, double floor, double expected, String what) {
        io.gillab.stats.Scaling s = scaling(r, n);
        org.junit.jupiter.api.Assertions.assertTrue(s.speedup() > floor && s.ciHigh() >= expected,
                () -> String.format(java.util.Locale.ROOT, "%s: speedup %.2fx (95%% CI %.2f-%.2f), expected above"
                        + " %.1f with an interval reaching %.1f%n%s", what, s.speedup(), s.ciLow(), s.ciHigh(), floor,
                        expected, describe(r)));
    }

    /** Workers that take turns: the interval reaches down to {@code bound} (1.3 under a GIL). */
    static void assertDoesNotScale(TrialResult r, int n, double bound, String what) {
        io.gillab.stats.Scaling s = scaling(r, n);
        org.junit.jupiter.api.Assertions.assertTrue(s.ciLow() <= bound,
                () -> String.format(java.util.Locale.ROOT, "%s: speedup %.2fx (95%% CI %.2f-%.2f), expected <= %.1f%n%s",
                        what, s.speedup(), s.ciLow(), s.ciHigh(), bound, describe(r)));
    }

    /** Process CPU time over wall time of the N-worker samples: ~1 when workers take turns, ~N in parallel. */
    static double cpuPerWall(TrialResult r, int threads) {
        double cpu = 0;
        double wall = 0;
        for (Sample s : r.samples()) {
            if (!s.warmup() && s.threads() == threads && s.cpuSeconds() != null) {
                cpu += s.cpuSeconds();
                wall += s.seconds();
            }
        }
        return wall == 0 ? Double.NaN : cpu / wall;
    }

    static String describe(TrialResult r) {
        StringBuilder b = new StringBuilder(r.trial()).append(' ').append(r.status());
        if (r.message() != null) {
            b.append(": ").append(r.message());
        }
        for (Sample s : r.samples()) {
            b.append(String.format("%n  t=%d %s %.4f s cpu %s", s.threads(), s.warmup() ? "warm-up" : "sample",
                    s.seconds(), s.cpuSeconds()));
            if (s.jitWaitSeconds() != null) {
                b.append(String.format(" after %.2f s waiting for the JIT%s", s.jitWaitSeconds(),
                        Boolean.TRUE.equals(s.jitBusy()) ? " (still busy)" : ""));
            }
        }
        return b.toString();
    }
}
