package io.gillab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.trial.RunFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The convoy's p99 interval (python-scripts/workloads/convoy.py): [X(r), X(s)] of one sample's latencies, exact
 * binomial ranks with at most 2.5% in each tail, only the lower end below 368 requests. The ranks are checked
 * against an exact computation here, and the coverage is simulated with light- and heavy-tailed latencies.
 */
class ConvoyP99IntervalTest {
    private static final int SIZE = 2000;

    /** {r, s} (1-based), s = 0 when no upper end exists; by log-space pmf, independently of convoy.py's recurrence. */
    static int[] ranks(int n) {
        return RANKS.computeIfAbsent(n, ConvoyP99IntervalTest::exactRanks);
    }

    private static final java.util.Map<Integer, int[]> RANKS = new java.util.concurrent.ConcurrentHashMap<>();

    private static int[] exactRanks(int n) {
        double[] pmf = new double[n + 1];
        double logLo = Math.log(0.01);
        double logHi = Math.log(0.99);
        double logFact = 0;
        double[] lf = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            logFact += Math.log(k);
            lf[k] = logFact;
        }
        for (int k = 0; k <= n; k++) {
            pmf[k] = Math.exp(lf[n] - lf[k] - lf[n - k] + k * logHi + (n - k) * logLo);
        }
        int r = 1;
        double upper = 0;
        for (int k = n; k >= 1; k--) {
            upper += pmf[k];
            if (upper >= 0.975) {
                r = k;
                break;
            }
        }
        int s = 0;
        double lower = 0;
        for (int k = 1; k <= n; k++) {
            lower += pmf[k - 1];
            if (lower >= 0.975) {
                s = k;
                break;
            }
        }
        return new int[] {r, s};
    }

    @Test
    void theRanksAreTheExactOnes() {
        assertEquals(List.of(360, 368), List.of(ranks(368)[0], ranks(368)[1]));
        assertEquals(List.of(1971, 1989), List.of(ranks(2000)[0], ranks(2000)[1]));
        assertEquals(0, ranks(367)[1], "below 368 requests there is no two-sided 95% interval");
        assertEquals(4, ranks(5)[0], "4th of 5 is a 97.5% lower bound");
    }

    /** convoy.py's own ranks (run by the local python3) for every n from 1 to 2000 equal the exact ones. */
    @Test
    void convoyPyComputesTheSameRanks() throws Exception {
        String code = "import sys\nsys.path[:0] = sys.argv[1:]\nimport convoy\n"
                + "print(' '.join('%d,%d' % (r, s or 0) for r, s in (convoy._p99_ranks(n) for n in range(1, 2001))))\n";
        String scripts = RunFixture.checkout().resolve("python-scripts").toString();
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", code, scripts, scripts + "/workloads").redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "no python3 here: " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        String[] got = out.split(" ");
        assertEquals(SIZE, got.length, out);
        for (int n = 1; n <= SIZE; n++) {
            int[] want = ranks(n);
            assertEquals(want[0] + "," + want[1], got[n - 1], "ranks for n = " + n);
        }
    }

    @Test
    void theIntervalCoversTheTrueP99() {
        double z99 = 2.3263478740408408;
        List<String> lines = new ArrayList<>();
        for (int n : new int[] {368, 1000, SIZE}) {
            for (double sigma : new double[] {0.1, 1.0}) {
                SplittableRandom rnd = new SplittableRandom(41 + n);
                double[] cov = coverage(() -> Math.exp(sigma * gaussian(rnd)), Math.exp(sigma * z99), n);
                lines.add(String.format(Locale.ROOT, "lognormal sigma %.1f, n %d: two-sided %.3f", sigma, n, cov[0]));
                assertTrue(cov[0] >= 0.94, lines.get(lines.size() - 1));
            }
            SplittableRandom rnd = new SplittableRandom(43 + n);
            double[] cov = coverage(() -> Math.pow(1 - rnd.nextDouble(), -1 / 3.0), Math.pow(0.01, -1 / 3.0), n);
            lines.add(String.format(Locale.ROOT, "pareto alpha 3, n %d: two-sided %.3f", n, cov[0]));
            assertTrue(cov[0] >= 0.94, lines.get(lines.size() - 1));
        }
        for (int n : new int[] {10, 100, 300}) {
            SplittableRandom rnd = new SplittableRandom(47 + n);
            double[] cov = coverage(() -> Math.exp(gaussian(rnd)), Math.exp(z99), n);
            lines.add(String.format(Locale.ROOT, "lognormal sigma 1.0, n %d: lower bound only, %.3f", n, cov[1]));
            assertTrue(cov[1] >= 0.965, lines.get(lines.size() - 1));
        }
        lines.forEach(System.out::println);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** {two-sided coverage, lower-bound coverage} over 4,000 simulated samples of n latencies. */
    private static double[] coverage(DoubleSupplier latency, double trueP99, int n) {
        int samples = 4000;
        int both = 0;
        int below = 0;
        int[] rs = ranks(n);
        for (int b = 0; b < samples; b++) {
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = latency.getAsDouble();
            }
            Arrays.sort(sorted);
            boolean lowOk = sorted[rs[0] - 1] <= trueP99;
            below += lowOk ? 1 : 0;
            both += lowOk && rs[1] > 0 && trueP99 <= sorted[rs[1] - 1] ? 1 : 0;
        }
        return new double[] {(double) both / samples, (double) below / samples};
    }
}
