package io.gillab.stats;

/**
 * How N threads compare with one, with a 95% CI: speedup (strong scaling: T1/TN; weak scaling, where
 * every thread does the full work: N·T1/TN), parallel efficiency (speedup / N) and the effective
 * parallelism (process CPU time / wall time during the N-thread samples: about 1 under a GIL, about N
 * without one, whatever the timings say).
 *
 * <p>The driver takes the 1-thread and the N-thread sample of a round back to back, so machine load and
 * JIT state are shared within a round. Where rounds pair up, the speedup is the median of the per-round
 * ratios and its interval resamples forks, then rounds within them ({@link Bootstrap}): pairing removes
 * the drift the two series share, the hierarchy keeps what differs between processes. Without pairs
 * (e.g. different numbers of steady samples and no round structure) it is the ratio of the medians.
 *
 * @param pairedRounds the rounds the speedup rests on (0: ratio of medians, unpaired)
 * @param forks        processes the interval resamples
 */
public record Scaling(int threads, double speedup, double ciLow, double ciHigh, double efficiency,
        Double effectiveParallelism, boolean oversubscribed, int pairedRounds, int forks) {

    /** Unpaired, one fork: the ratio of medians. */
    public static Scaling of(int threads, double[] oneThread, double[] nThreads, boolean weak,
            double[] cpuPerWallAtN, int cores) {
        return unpaired(threads, new double[][] {oneThread}, new double[][] {nThreads}, weak, cpuPerWallAtN, cores);
    }

    /** Unpaired, per fork: the ratio of medians, each side resampled hierarchically. */
    public static Scaling unpaired(int threads, double[][] oneThread, double[][] nThreads, boolean weak,
            double[] cpuPerWallAtN, int cores) {
        Bootstrap.Interval ci = Bootstrap.ratioOfMedians(oneThread, nThreads, SampleSummary.LEVEL);
        double factor = weak ? threads : 1;
        double speedup = factor * Stats.medianOf(pool(oneThread)) / Stats.medianOf(pool(nThreads));
        return make(threads, speedup, factor, ci, cpuPerWallAtN, cores, 0, oneThread.length);
    }

    /**
     * Paired: {@code ratios[f][k]} = T1 / TN in round k of fork f. The speedup is their median, the interval
     * hierarchical over forks and rounds.
     */
    public static Scaling paired(int threads, double[][] ratios, boolean weak, double[] cpuPerWallAtN, int cores) {
        double factor = weak ? threads : 1;
        double speedup = factor * Stats.medianOf(pool(ratios));
        Bootstrap.Interval ci = Bootstrap.median(ratios, SampleSummary.LEVEL);
        int rounds = (int) java.util.Arrays.stream(ratios).mapToLong(r -> r.length).sum();
        return make(threads, speedup, factor, ci, cpuPerWallAtN, cores, rounds,
                (int) java.util.Arrays.stream(ratios).filter(r -> r.length > 0).count());
    }

    private static Scaling make(int threads, double speedup, double factor, Bootstrap.Interval ci,
            double[] cpuPerWallAtN, int cores, int rounds, int forks) {
        Double parallelism = cpuPerWallAtN == null || cpuPerWallAtN.length == 0 ? null
                : Stats.medianOf(cpuPerWallAtN);
        return new Scaling(threads, speedup, factor * ci.low(), factor * ci.high(), speedup / threads, parallelism,
                cores > 0 && threads > cores, rounds, forks);
    }

    public static double[] pool(double[][] forks) {
        return java.util.Arrays.stream(forks).filter(f -> f != null).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
