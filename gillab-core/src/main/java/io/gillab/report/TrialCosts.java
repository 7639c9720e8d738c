package io.gillab.report;

import io.gillab.model.Sample;
import io.gillab.model.TrialResult;

/**
 * What a trial's forks and measured rounds cost, from its own record, for the cheapest run plan
 * ({@link io.gillab.stats.VarianceSplit#cheapest}): a measured round is one sample at every thread count
 * with the JIT waits before them; a fork's own cost is the rest of its wall time (start-up, calibration,
 * warm-up rounds).
 *
 * @param forkCost  seconds per fork besides its measured rounds
 * @param roundCost seconds per measured round
 */
record TrialCosts(double forkCost, double roundCost) {

    static TrialCosts of(TrialResult r) {
        if (r.samples() == null || r.samples().isEmpty() || r.wallSeconds() == null || r.forkCount() < 1
                || r.threadCounts() == null || r.threadCounts().isEmpty()) {
            return new TrialCosts(Double.NaN, Double.NaN);
        }
        double measured = 0;
        long n = 0;
        for (Sample s : r.samples()) {
            if (!s.warmup()) {
                measured += s.seconds() + (s.jitWaitSeconds() == null ? 0 : s.jitWaitSeconds());
                n++;
            }
        }
        double rounds = (double) n / r.threadCounts().size();
        double roundCost = rounds == 0 ? Double.NaN : measured / rounds;
        return new TrialCosts(Math.max(0, (r.wallSeconds() - measured) / r.forkCount()), roundCost);
    }
}
