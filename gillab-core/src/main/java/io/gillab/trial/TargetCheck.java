package io.gillab.trial;

import io.gillab.model.TrialResult;
import io.gillab.stats.SampleSummary;
import io.gillab.stats.TrialAnalysis;
import io.gillab.stats.VarianceSplit;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a trial's intervals are as narrow as {@code --target-ci} asks: the widest relative 95% half-width
 * of a median over its thread counts, and whether more rounds per fork would help (the variance lies
 * within forks) or only more forks would.
 *
 * @param widest     the largest relative half-width over the thread counts (NaN: nothing measured)
 * @param threads    the thread count it belongs to
 * @param roundsHelp whether, at that thread count, the within-fork variance dominates a fork mean's
 */
record TargetCheck(Presets.Target target, double widest, int threads, boolean roundsHelp) {

    static TargetCheck of(TrialResult r, Presets.Target target) {
        TrialAnalysis a = TrialAnalysis.of(r);
        double widest = Double.NaN;
        int at = 0;
        for (Map.Entry<Integer, SampleSummary> e : a.summaries().entrySet()) {
            double h = e.getValue().relativeHalfWidth();
            if (Double.isNaN(h)) { // no interval yet at this thread count: not reached
                widest = h;
                at = e.getKey();
                break;
            }
            if (Double.isNaN(widest) || h > widest) {
                widest = h;
                at = e.getKey();
            }
        }
        VarianceSplit v = a.variance().get(at);
        return new TargetCheck(target, widest, at, v != null && v.roundsHelp());
    }

    boolean reached() {
        return widest <= target.halfWidth();
    }

    /** "target ±5%: reached (±3.1% at 1 thread) after 3 forks" or why not. */
    String describe(int forks, int maxForks) {
        String got = Double.isNaN(widest) ? "no interval" : String.format(Locale.ROOT, "±%.1f%% at %d thread%s",
                100 * widest, threads, threads == 1 ? "" : "s");
        String head = String.format(Locale.ROOT, "target ±%.1f%%: ", 100 * target.halfWidth());
        return reached() ? head + "reached (" + got + ") after " + forks + " forks"
                : head + "not reached (" + got + ") after " + forks + " forks" + (forks >= maxForks
                        ? ", the most --max-forks allows" : ", stopped early");
    }
}
