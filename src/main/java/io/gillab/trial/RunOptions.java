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
 * @param threads     thread counts for workloads
 * @param samples     measured samples per trial
 * @param warmups     warm-up samples per trial; null for each runtime's default
 * @param size        work units per sample; null to calibrate (see minSeconds)
 * @param minSeconds  calibration target: the least time a one-thread sample takes
 * @param timeout     per-trial time limit; the trial's whole process is killed at it
 * @param outDir      where results.jsonl goes
 * @param localPython the interpreter behind the {@code cpython} runtime
 * @param searchPaths extra directories with workloads (the driver's {@code --path})
 * @param limits      CPU and memory for trial containers
 */
public record RunOptions(List<String> runtimes, List<String> names, List<Integer> threads, int samples,
        Integer warmups, Long size, double minSeconds, Duration timeout, Path outDir, String localPython, List<Path> searchPaths, ContainerLimits limits) {
}
