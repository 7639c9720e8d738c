package io.gillab.trial;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One trial: a workload (at every thread count) or a probe, on one runtime, in one process. Running
 * all thread counts in the same process, interleaved round by round, means 1 and N threads are
 * measured with the same calibrated size, the same JIT state and the same machine load.
 *
 * @param threadCounts thread counts, measured in turn (a probe runs once, on one thread)
 * @param samples      measured rounds; each round takes one sample at every thread count
 * @param warmups      warm-up rounds (kept in the data, out of the statistics)
 * @param size         work units per sample, or null to calibrate in the driver
 * @param minSeconds   with calibration: the least time one single-threaded sample should take
 */
public record TrialSpec(String runtime, CatalogueEntry entry, List<Integer> threadCounts, int samples, int warmups,
        Long size, double minSeconds) {

    public TrialSpec {
        threadCounts = List.copyOf(threadCounts);
    }

    /** Stable identity of the trial inside a run, e.g. {@code jython/countdown}. */
    public String id() {
        return runtime + "/" + entry.name();
    }

    /** How many measured samples the driver must report for the trial to count as complete. */
    public int expectedSamples() {
        return entry.isProbe() ? 0 : samples * threadCounts.size();
    }

    /** The driver's argument list for this trial. */
    public List<String> driverArgs() {
        List<String> args = new ArrayList<>(List.of("run", entry.name()));
        if (!entry.isProbe()) {
            args.addAll(List.of("--threads", threadCounts.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "--samples", Integer.toString(samples), "--warmups", Integer.toString(warmups)));
            if (size != null) {
                args.addAll(List.of("--size", Long.toString(size)));
            } else {
                args.addAll(List.of("--min-time", Double.toString(minSeconds)));
            }
        }
        return args;
    }
}
