package io.gillab.trial;

import io.gillab.runtime.container.ContainerLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a run needs to know, whether it comes from {@code ./gillab run} flags or from a test.
 *
 * @param runtimes    runtime ids, e.g. jython, graalpy, cpython
 * @param names       workloads and probes; null for every built-in one
 * @param threads     thread counts for workloads (a workload may declare its own)
 * @param measurement preset and overrides: processes, samples, warm-ups, size or calibration, scaling
 * @param timeout     per-process time limit; the trial's process or container is killed at it
 * @param outDir      where results.jsonl goes
 * @param localPython the interpreter behind the {@code cpython-local} runtime and the no-Docker fallback
 * @param searchPaths extra directories with workloads (the driver's {@code --path})
 * @param limits      CPU and memory for trial containers
 * @param commandLine the command as the user typed it, for the record
 */
public record RunOptions(List<String> runtimes, List<String> names, List<Integer> threads,
        Presets.Measurement measurement, Duration timeout, Path outDir, String localPython, List<Path> searchPaths,
        ContainerLimits limits, String commandLine) {
}
