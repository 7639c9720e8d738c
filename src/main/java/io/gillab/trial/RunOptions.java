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
 * @param resume      run only the trials that outDir's results.jsonl does not hold yet
 * @param modes       execution modes for workloads (threads, processes, interpreters, contexts)
 * @param shard       run only this 1/n of the matrix, or null for all of it
 * @param layoutSeed  the seed each fork's randomised layout is drawn from ({@link ForkLayout}); null: the run
 *                    draws one and records it in run-*.json ({@code options.layout_seed})
 */
public record RunOptions(List<String> runtimes, List<String> names, List<Integer> threads,
        Presets.Measurement measurement, Duration timeout, Path outDir, String localPython, List<Path> searchPaths,
        ContainerLimits limits, String commandLine, boolean resume, List<String> modes, Shard shard, Long layoutSeed) {

    public RunOptions {
        modes = modes == null || modes.isEmpty() ? List.of(ExecutionMode.THREADS) : List.copyOf(modes);
    }

    /** A layout seed drawn by the run. */
    public RunOptions(List<String> runtimes, List<String> names, List<Integer> threads,
            Presets.Measurement measurement, Duration timeout, Path outDir, String localPython, List<Path> searchPaths,
            ContainerLimits limits, String commandLine, boolean resume, List<String> modes, Shard shard) {
        this(runtimes, names, threads, measurement, timeout, outDir, localPython, searchPaths, limits, commandLine,
                resume, modes, shard, null);
    }

    /** Threads only, the whole matrix. */
    public RunOptions(List<String> runtimes, List<String> names, List<Integer> threads,
            Presets.Measurement measurement, Duration timeout, Path outDir, String localPython, List<Path> searchPaths,
            ContainerLimits limits, String commandLine, boolean resume) {
        this(runtimes, names, threads, measurement, timeout, outDir, localPython, searchPaths, limits, commandLine,
                resume, null, null);
    }

    public RunOptions withShard(Shard s) {
        return new RunOptions(runtimes, names, threads, measurement, timeout, outDir, localPython, searchPaths, limits,
                commandLine, resume, modes, s, layoutSeed);
    }

    public RunOptions withModes(List<String> m) {
        return new RunOptions(runtimes, names, threads, measurement, timeout, outDir, localPython, searchPaths, limits,
                commandLine, resume, m, shard, layoutSeed);
    }

    public RunOptions withLayoutSeed(Long seed) {
        return new RunOptions(runtimes, names, threads, measurement, timeout, outDir, localPython, searchPaths, limits,
                commandLine, resume, modes, shard, seed);
    }

    /** The options a run in {@code dir} was started with (its first run-*.json), to resume it. */
    public static RunOptions recordedIn(Path dir, String commandLine) throws java.io.IOException {
        Path record;
        try (var files = java.nio.file.Files.list(dir)) {
            record = files.filter(p -> p.getFileName().toString().matches("run-.*\\.json")).sorted().findFirst()
                    .orElseThrow(() -> new java.io.IOException("no run-*.json in " + dir + ": nothing to resume"));
        }
        var json = io.gillab.results.ResultsFile.json();
        var o = json.readTree(record.toFile()).path("options");
        var type = json.getTypeFactory();
        var ids = o.has("resolved_runtimes") ? o.path("resolved_runtimes") : o.path("runtimes");
        List<String> runtimes = json.convertValue(ids, type.constructCollectionType(List.class, String.class));
        List<String> names = o.path("names").isNull() || o.path("names").isMissingNode() ? null
                : json.convertValue(o.path("names"), type.constructCollectionType(List.class, String.class));
        List<Integer> threads = json.convertValue(o.path("threads"), type.constructCollectionType(List.class, Integer.class));
        Presets.Measurement m = json.treeToValue(o.path("measurement"), Presets.Measurement.class);
        List<Path> paths = new java.util.ArrayList<>();
        o.path("search_paths").forEach(p -> paths.add(Path.of(p.asText())));
        ContainerLimits limits = new ContainerLimits(o.path("container_cpus").asDouble(ContainerLimits.defaults().cpus()),
                o.path("container_memory_bytes").asLong(ContainerLimits.DEFAULT_MEMORY));
        List<String> modes = o.path("modes").isArray()
                ? json.convertValue(o.path("modes"), type.constructCollectionType(List.class, String.class)) : null;
        Shard shard = o.path("shard").isTextual() ? Shard.parse(o.path("shard").asText()) : null;
        Long layoutSeed = o.path("layout_seed").canConvertToLong() ? o.path("layout_seed").asLong() : null;
        return new RunOptions(runtimes, names, threads, m, Duration.ofSeconds(o.path("timeout_seconds").asLong(300)), dir,
                o.path("local_python").asText("python3"), paths, limits, commandLine, true, modes, shard, layoutSeed);
    }
}
