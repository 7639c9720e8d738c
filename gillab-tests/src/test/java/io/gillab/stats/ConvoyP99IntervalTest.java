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
 * The convoy's p99 interval (python-scripts/workloads/convoy.py): [X(r), X(s)] of one block's latencies,
 * exact binomial ranks with at most 2.5% in each tail, and a block that stops as soon as X(s)/X(r) is at most
 * 1.5 at one of six request counts. The ranks are checked against an exact computation here; the coverage
 * of the stopping rule (six looks make an optional stop) is simulated with light- and heavy-tailed
 * latencies and printed.
 */
class ConvoyP99IntervalTest {
    private static final int[] CHECKPOINTS = {368, 500, 750, 1000, 1500, 2000};
    private static final double CI_RATIO = 1.5;
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
    void theStoppingRuleCoversTheTrueP99() {
        double z99 = 2.3263478740408408;
        List<String> lines = new ArrayList<>();
        for (double sigma : new double[] {0.1, 0.6, 1.0}) {
            SplittableRandom rnd = new SplittableRandom(41);
            double cov = coverage(() -> Math.exp(sigma * gaussian(rnd)), Math.exp(sigma * z99), lines,
                    "lognormal sigma " + sigma);
            assertTrue(cov >= 0.93, "coverage " + cov + " for lognormal sigma " + sigma);
        }
        SplittableRandom rnd = new SplittableRandom(43);
        double alpha = 3.0;
        double cov = coverage(() -> Math.pow(1 - rnd.nextDouble(), -1 / alpha), Math.pow(0.01, -1 / alpha), lines,
                "pareto alpha 3");
        assertTrue(cov >= 0.93, "coverage " + cov + " for pareto alpha 3");
        lines.forEach(System.out::println);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The share of 2,000 simulated blocks whose final interval holds the true p99 (blocks with an upper end). */
    private static double coverage(DoubleSupplier latency, double trueP99, List<String> lines, String what) {
        int blocks = 2000;
        int hits = 0;
        int early = 0;
        long requests = 0;
        for (int b = 0; b < blocks; b++) {
            double[] lat = new double[SIZE];
            int n = 0;
            boolean stopped = false;
            while (n < SIZE && !stopped) {
                lat[n++] = latency.getAsDouble();
                if (Arrays.binarySearch(CHECKPOINTS, n) >= 0) {
                    double[] sorted = Arrays.copyOf(lat, n);
                    Arrays.sort(sorted);
                    int[] rs = ranks(n);
                    stopped = sorted[rs[1] - 1] <= CI_RATIO * sorted[rs[0] - 1];
                }
            }
            double[] sorted = Arrays.copyOf(lat, n);
            Arrays.sort(sorted);
            int[] rs = ranks(n);
            if (sorted[rs[0] - 1] <= trueP99 && trueP99 <= sorted[rs[1] - 1]) {
                hits++;
            }
            early += stopped ? 1 : 0;
            requests += n;
        }
        double cov = (double) hits / blocks;
        lines.add(String.format(Locale.ROOT, "%s: coverage %.3f, %d/%d stopped on the interval, mean %d requests",
                what, cov, early, blocks, requests / blocks));
        return cov;
    }
}
