package io.gillab.modes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.driver.DriverOutput;
import io.gillab.runtime.Availability;
import io.gillab.trial.Presets;
import io.gillab.trial.Run;
import io.gillab.trial.RunFixture;
import io.gillab.trial.RunOptions;
import io.gillab.trial.TrialResult;
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
        RunOptions o = new RunOptions(List.of(runtime), List.of(workload), threads, m, timeout, out, "python3",
                List.of(), io.gillab.runtime.container.ContainerLimits.defaults(), "test", false, modes, null);
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
                .mapToDouble(DriverOutput.Sample::seconds).sorted().toArray();
        if (s.length == 0) {
            throw new AssertionError("no measured samples at " + threads + " in " + r.trial());
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * The median over rounds of (1-worker time / N-worker time), each round's pair measured back to back.
     * Interleaved pairs cancel slow drifts of the machine's load that a ratio of medians takes in
     * whole (in CI a neighbour's burst once made the first two rounds 35% slower at both counts).
     */
    static double speedup(TrialResult r, int n) {
        java.util.Map<Integer, java.util.List<Double>> one = new java.util.TreeMap<>();
        java.util.Map<Integer, java.util.List<Double>> many = new java.util.TreeMap<>();
        for (DriverOutput.Sample x : r.samples()) {
            if (!x.warmup() && (x.threads() == 1 || x.threads() == n)) {
                (x.threads() == 1 ? one : many).computeIfAbsent(x.fork(), k -> new java.util.ArrayList<>())
                        .add(x.seconds());
            }
        }
        java.util.List<Double> ratios = new java.util.ArrayList<>();
        one.forEach((fork, ones) -> {
            java.util.List<Double> ns = many.getOrDefault(fork, java.util.List.of());
            for (int k = 0; k < Math.min(ones.size(), ns.size()); k++) {
                ratios.add(ones.get(k) / ns.get(k));
            }
        });
        if (ratios.isEmpty()) {
            throw new AssertionError("no measured rounds at 1 and " + n + " in " + r.trial());
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length;
        return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    }

    /** Process CPU time over wall time of the N-worker samples: ~1 when workers take turns, ~N in parallel. */
    static double cpuPerWall(TrialResult r, int threads) {
        double cpu = 0;
        double wall = 0;
        for (DriverOutput.Sample s : r.samples()) {
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
        for (DriverOutput.Sample s : r.samples()) {
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
