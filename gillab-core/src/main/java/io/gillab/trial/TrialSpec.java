package io.gillab.trial;

import io.gillab.model.ExecutionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One trial: a workload (at every thread count) or a probe, on one runtime. It runs in {@code forks}
 * separate processes; within each, all thread counts are measured interleaved, round by round, so 1
 * and N threads share the calibrated size, the JIT state and the machine load.
 *
 * @param threadCounts thread counts, measured in turn (a probe runs once, on one thread)
 * @param samples      measured rounds per fork; each round takes one sample at every thread count
 * @param warmups      warm-up rounds per fork (kept in the data, out of the statistics)
 * @param size         work units per sample, or null to calibrate in the first fork
 * @param minSeconds   with calibration: the least time one single-threaded sample should take
 * @param forks        worker processes; later forks reuse the first fork's calibrated size
 * @param scaling      "strong" (the size is split over the threads) or "weak" (every thread does it all)
 * @param mode         how the N workers run: "threads" (the default), "processes", "interpreters" or
 *                     "contexts" (GraalPy); see {@link ExecutionMode}
 * @param jitWaitSeconds the driver's --jit-wait: in a worker JVM, the longest wait before each sample for
 *                     idle JIT compilers (0: none)
 * @param oneThreadOn  the driver's --one-thread-on: "worker" (default) or "main"
 * @param layoutSeed   the run's layout seed, from which each fork's randomised layout is drawn
 *                     ({@link ForkLayout}); null: nothing randomised
 */
public record TrialSpec(String runtime, CatalogueEntry entry, List<Integer> threadCounts, int samples, int warmups,
        Long size, double minSeconds, int forks, String scaling, String mode, double jitWaitSeconds,
        String oneThreadOn, Long layoutSeed) {

    public TrialSpec {
        threadCounts = List.copyOf(threadCounts);
        mode = mode == null ? ExecutionMode.THREADS : mode;
        oneThreadOn = oneThreadOn == null ? Presets.Measurement.WORKER : oneThreadOn;
    }

    /** The same trial, its forks' layouts drawn from {@code seed} (null: none randomised). */
    public TrialSpec withLayoutSeed(Long seed) {
        return new TrialSpec(runtime, entry, threadCounts, samples, warmups, size, minSeconds, forks, scaling, mode,
                jitWaitSeconds, oneThreadOn, seed);
    }

    /** The layout of fork {@code fork}, or null when this trial randomises nothing (probes, no seed). */
    public ForkLayout layout(int fork) {
        return layoutSeed == null || entry.isProbe() ? null : ForkLayout.of(layoutSeed, id(), fork);
    }

    /**
     * Stable identity of the trial inside a run, e.g. {@code jython/countdown}, or
     * {@code cpython:3.14/countdown@processes} for a mode other than threads.
     */
    public String id() {
        return runtime + "/" + entry.name() + (ExecutionMode.THREADS.equals(mode) ? "" : "@" + mode);
    }

    /** How many measured samples one fork must report for it to count as complete. */
    public int expectedSamples() {
        return entry.isProbe() ? 0 : samples * threadCounts.size();
    }

    /** The driver's argument list for one fork; {@code calibratedSize} (if any) replaces calibration. */
    public List<String> driverArgs(Long calibratedSize) {
        return driverArgs(calibratedSize, null);
    }

    /** As {@link #driverArgs(Long)}, with the fork's randomised layout (null: none). */
    public List<String> driverArgs(Long calibratedSize, ForkLayout layout) {
        List<String> args = new ArrayList<>(List.of("run", entry.name()));
        if (!entry.isProbe()) {
            args.addAll(List.of("--threads", threadCounts.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "--samples", Integer.toString(samples), "--warmups", Integer.toString(warmups)));
            Long s = size != null ? size : calibratedSize;
            if (s != null) {
                args.addAll(List.of("--size", Long.toString(s)));
            } else {
                args.addAll(List.of("--min-time", Double.toString(minSeconds)));
            }
            if ("weak".equals(scaling)) {
                args.addAll(List.of("--scaling", "weak"));
            }
            if (!ExecutionMode.THREADS.equals(mode)) {
                args.addAll(List.of("--mode", mode));
            }
            args.addAll(List.of("--jit-wait", Double.toString(jitWaitSeconds)));
            if (Presets.Measurement.MAIN.equals(oneThreadOn)) {
                args.addAll(List.of("--one-thread-on", oneThreadOn));
            }
            if (layout != null) {
                args.addAll(List.of("--layout-seed", Long.toString(layout.seed())));
            }
        }
        return args;
    }

    /** The same trial with another number of measured rounds per fork. */
    public TrialSpec withSamples(int n) {
        return new TrialSpec(runtime, entry, threadCounts, n, warmups, size, minSeconds, forks, scaling, mode,
                jitWaitSeconds, oneThreadOn, layoutSeed);
    }
}
