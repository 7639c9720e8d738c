package io.gillab.stats;

/**
 * How N threads compare with one, with a 95% CI: speedup (strong scaling: T1/TN; weak scaling, where
 * every thread does the full work: N·T1/TN), parallel efficiency (speedup / N) and the effective
 * parallelism (process CPU time / wall time during the N-thread samples: about 1 under a GIL, about N
 * without one, whatever the timings say).
 */
public record Scaling(int threads, double speedup, double ciLow, double ciHigh, double efficiency,
        Double effectiveParallelism, boolean oversubscribed) {

    public static Scaling of(int threads, double[] oneThread, double[] nThreads, boolean weak,
            double[] cpuPerWallAtN, int cores) {
        Bootstrap.Interval ci = Bootstrap.ratioOfMedians(oneThread, nThreads, SampleSummary.LEVEL);
        double factor = weak ? threads : 1;
        double speedup = factor * Stats.medianOf(oneThread) / Stats.medianOf(nThreads);
        Double parallelism = cpuPerWallAtN == null || cpuPerWallAtN.length == 0 ? null
                : Stats.medianOf(cpuPerWallAtN);
        return new Scaling(threads, speedup, factor * ci.low(), factor * ci.high(), speedup / threads, parallelism,
                cores > 0 && threads > cores);
    }
}
