package io.gillab.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a trial's forks (processes) fall into separate modes: the same code on the same interpreter
 * settling at, say, 205 ms in some processes and 350 ms in others (CPython 3.11's countdown on the main
 * thread did; pyperf flags such benchmarks as unstable). Pooling those samples gives a median that no
 * process ever ran at and an interval that describes neither mode, so a report should say so.
 *
 * <p>The rule, on the steady samples of each fork:
 * <ol>
 * <li>Each fork is summarised by its median; the fork medians are sorted and the largest gap between
 *     consecutive ones is the candidate split. Each side must hold at least {@value #MIN_PER_SIDE} forks:
 *     one deviating process may be a one-off disturbance, two that agree are a repeatable mode. So fewer
 *     than 4 forks are never flagged.</li>
 * <li>The gap must be at least {@value #MIN_RELATIVE_GAP} of the median of the fork medians: smaller
 *     differences are within what ordinary between-process noise gives, and too small to mislead a reader.</li>
 * <li>The gap must exceed {@value #NOISE_FACTOR} times the largest within-fork spread (1.4826 x MAD, a
 *     robust standard deviation): if a fork's own samples wander that far, its median could have fallen on
 *     either side by chance. The largest, not a typical one, so that one noisy fork makes the rule cautious.</li>
 * <li>The gap must exceed the range of the fork medians within each side: forks spread evenly (a continuous
 *     between-fork variance, as JIT forks that compile differently give) have gaps like their ranges; modes
 *     are tight clusters with a hole between them.</li>
 * </ol>
 * Medians and MADs, not means and standard deviations, so that one slow sample (a GC, a context switch)
 * moves nothing.
 */
public final class ForkModes {
    /** Forks needed on each side of the split. */
    public static final int MIN_PER_SIDE = 2;
    /** Least gap, as a fraction of the median of the fork medians. */
    public static final double MIN_RELATIVE_GAP = 0.10;
    /** Least gap, in multiples of the largest within-fork robust spread. */
    public static final double NOISE_FACTOR = 3.0;
    /** MAD x 1.4826 estimates the standard deviation of normal data. */
    static final double MAD_TO_SD = 1.4826;

    private ForkModes() {
    }

    /**
     * Forks split into a fast and a slow mode.
     *
     * @param fastForks      indices (into the input) of the forks in the fast mode, ascending
     * @param slowForks      indices of the forks in the slow mode, ascending
     * @param fastSeconds    median of the fast forks' medians
     * @param slowSeconds    median of the slow forks' medians
     * @param gapSeconds     the gap between the two modes' nearest fork medians
     * @param withinSpread   the largest within-fork spread (1.4826 x MAD), seconds
     */
    public record Split(List<Integer> fastForks, List<Integer> slowForks, double fastSeconds, double slowSeconds,
            double gapSeconds, double withinSpread) {

        /** E.g. "bimodal across processes: 3 forks at 205 ms, 3 at 350 ms". */
        public String description() {
            return "bimodal across processes: " + fastForks.size() + " fork" + (fastForks.size() == 1 ? "" : "s")
                    + " at " + time(fastSeconds) + ", " + slowForks.size() + " at " + time(slowSeconds);
        }

        /** How much slower the slow mode is, e.g. 1.71. */
        public double ratio() {
            return slowSeconds / fastSeconds;
        }
    }

    /** The split of {@code forks} (fork -> steady seconds) into two modes, or empty when they are one. */
    public static Optional<Split> of(double[][] forks) {
        List<Fork> fs = new ArrayList<>();
        for (int i = 0; i < forks.length; i++) {
            double[] v = forks[i] == null ? new double[0]
                    : Arrays.stream(forks[i]).filter(Double::isFinite).toArray();
            if (v.length > 0) {
                fs.add(new Fork(i, Stats.medianOf(v), MAD_TO_SD * mad(v)));
            }
        }
        if (fs.size() < 2 * MIN_PER_SIDE) {
            return Optional.empty();
        }
        fs.sort(Comparator.comparingDouble(Fork::median));
        int cut = -1; // the split is between cut and cut + 1
        double gap = -1;
        for (int k = MIN_PER_SIDE - 1; k < fs.size() - MIN_PER_SIDE; k++) {
            double g = fs.get(k + 1).median() - fs.get(k).median();
            if (g > gap) {
                gap = g;
                cut = k;
            }
        }
        List<Fork> fast = fs.subList(0, cut + 1);
        List<Fork> slow = fs.subList(cut + 1, fs.size());
        double centre = Stats.medianOf(fs.stream().mapToDouble(Fork::median).toArray());
        double within = fs.stream().mapToDouble(Fork::spread).max().orElse(0);
        double sideRange = Math.max(range(fast), range(slow));
        boolean split = gap >= MIN_RELATIVE_GAP * centre && gap > NOISE_FACTOR * within && gap > sideRange;
        if (!split) {
            return Optional.empty();
        }
        return Optional.of(new Split(indices(fast), indices(slow), medianOfMedians(fast), medianOfMedians(slow), gap,
                within));
    }

    /** {@link #of}'s description, if the forks split. */
    public static Optional<String> describe(double[][] forks) {
        return of(forks).map(Split::description);
    }

    private record Fork(int index, double median, double spread) {
    }

    static double mad(double[] v) {
        double m = Stats.medianOf(v);
        return Stats.medianOf(Arrays.stream(v).map(x -> Math.abs(x - m)).toArray());
    }

    private static double range(List<Fork> side) {
        return side.get(side.size() - 1).median() - side.get(0).median();
    }

    private static double medianOfMedians(List<Fork> side) {
        return Stats.medianOf(side.stream().mapToDouble(Fork::median).toArray());
    }

    private static List<Integer> indices(List<Fork> side) {
        return side.stream().map(Fork::index).sorted().toList();
    }

    /** 205 ms, 1.24 s, 87.5 µs: three significant figures are plenty to name a mode. */
    static String time(double seconds) {
        double abs = Math.abs(seconds);
        if (abs >= 1) {
            return sig(seconds) + " s";
        }
        if (abs >= 1e-3) {
            return sig(seconds * 1e3) + " ms";
        }
        return sig(seconds * 1e6) + " µs";
    }

    private static String sig(double x) {
        double a = Math.abs(x);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, f, x);
    }
}
