package io.gillab.trial;

import io.gillab.model.ExecutionMode;
import io.gillab.runtime.container.ContainerLimits;
import io.gillab.runtime.registry.RuntimeRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run needs to know, whether it comes from {@code ./gillab run} flags or from a test. Made by
 * {@link #builder()}; the compact constructor is the one place options are checked: a bad value is an
 * {@link IllegalArgumentException} naming the command-line flag it comes from (the CLI shows it as a usage
 * error).
 *
 * @param runtimes    runtime ids, e.g. jython, graalpy, cpython
 * @param names       workloads and probes; null for the default ones
 * @param threads     thread counts for workloads (a workload may declare its own)
 * @param measurement preset and overrides: processes, samples, warm-ups, size or calibration, scaling
 * @param timeout     per-process time limit; the trial's process or container is killed at it
 * @param outDir      where results.jsonl goes
 * @param localPython the interpreter behind the {@code cpython-local} runtime and the no-Docker fallback
 * @param searchPaths extra directories with workloads (the driver's {@code --path})
 * @param limits      CPU and memory for trial containers
 * @param commandLine the command as the user typed it, for the record
 * @param resume      run only the trials that outDir's results.jsonl does not hold yet
 * @param modes       execution modes for workloads (threads, processes, interpreters, contexts), without repeats
 * @param shard       run only this 1/n of the matrix, or null for all of it
 * @param layoutSeed  the seed each fork's randomised layout is drawn from ({@link ForkLayout}); null: the run
 *                    draws one and records it in run-*.json ({@code options.layout_seed})
 * @param allowShadowing whether a {@code --path} file may replace a built-in of the same name (else it is
 *                    refused, naming both files: the built-ins' claims would be judged on other code)
 * @param append      add this run to an output directory that holds other runs ({@code --append}: several runs
 *                    of different shapes that make one report, as the comparison suite's); without it a
 *                    directory that holds a run is refused unless resumed
 */
public record RunOptions(List<String> runtimes, List<String> names, List<Integer> threads,
        Presets.Measurement measurement, Duration timeout, Path outDir, String localPython, List<Path> searchPaths,
        ContainerLimits limits, String commandLine, boolean resume, List<String> modes, Shard shard, Long layoutSeed,
        boolean allowShadowing, boolean append) {
    /** The per-process time limit without {@code --timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    /** A trial container needs at least this much memory to start an interpreter. */
    public static final long MIN_MEMORY = 64L << 20;
    /** Docker refuses CPU shares below a hundredth of a core. */
    public static final double MIN_CPUS = 0.01;
    /** A one-thread sample longer than this would make every trial run into its time limit. */
    public static final double MAX_MIN_SECONDS = 60;
    private static final double MAX_JIT_WAIT_SECONDS = 3600;

    /** Only {@link Builder#build()} calls this (positional arguments are easy to swap). */
    public RunOptions {
        modes = modes == null || modes.isEmpty() ? List.of(ExecutionMode.THREADS) : modes;
        require(runtimes != null && !runtimes.isEmpty(), "--runtimes must name at least one runtime");
        require(threads != null && !threads.isEmpty() && threads.stream().allMatch(n -> n != null && n >= 1),
                "--threads must be counts of at least 1, got " + threads);
        require(outDir != null, "an output directory (--out) is required");
        require(timeout != null && timeout.toMillis() >= 1000, "--timeout must be at least 1 second");
        require(layoutSeed == null || layoutSeed >= 0, "--layout-seed must be 0 or more, got " + layoutSeed);
        require(!(resume && append), "--append and --resume exclude each other: a resume finishes its own run");
        for (String m : modes) {
            require(ExecutionMode.ALL.contains(m),
                    "--mode: unknown mode '" + m + "'; valid: " + String.join(", ", ExecutionMode.ALL));
        }
        checkMeasurement(measurement);
        checkLimits(limits);
        for (Path p : searchPaths) {
            require(java.nio.file.Files.isDirectory(p), "--path " + p + ": no such directory");
        }
        runtimes = List.copyOf(runtimes);
        names = names == null ? null : names.stream().distinct().toList(); // a name given twice runs once
        threads = List.copyOf(threads);
        searchPaths = List.copyOf(searchPaths);
        modes = modes.stream().distinct().toList();
    }

    /**
     * Options with these defaults: the default runtimes ({@link RuntimeRegistry#DEFAULT_IDS}), the default
     * workloads and every probe (names null), threads 1 up to the cores (at least 1 and 2), the default preset
     * ({@link Presets#defaults()}), a {@link #DEFAULT_TIMEOUT} per process, {@code python3} behind cpython-local,
     * no extra workload directories, {@link ContainerLimits#defaults()}, threads mode, the whole matrix, a
     * layout seed drawn by the run, not resuming. The output directory has no default: it must be given.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return builder().runtimes(runtimes).names(names).threads(threads).measurement(measurement).timeout(timeout)
                .outDir(outDir).localPython(localPython).searchPaths(searchPaths).limits(limits)
                .commandLine(commandLine).resume(resume).modes(modes).shard(shard).layoutSeed(layoutSeed)
                .allowShadowing(allowShadowing).append(append);
    }

    private static void checkMeasurement(Presets.Measurement m) {
        require(m != null, "a measurement preset is required");
        require(m.forks() == null || m.forks() >= 1, "--forks must be at least 1, got " + m.forks());
        require(m.samples() == null || m.samples() >= 1, "--samples must be at least 1, got " + m.samples());
        require(m.warmups() == null || m.warmups() >= 0, "--warmups must be 0 or more, got " + m.warmups());
        require(m.size() == null || m.size() >= 1, "--size must be at least 1, got " + m.size());
        require("strong".equals(m.scaling()) || "weak".equals(m.scaling()),
                "--scaling must be strong or weak, got '" + m.scaling() + "'");
        require(m.minSeconds() > 0 && m.minSeconds() <= MAX_MIN_SECONDS,
                "--min-time must be more than 0 and at most " + (int) MAX_MIN_SECONDS + " seconds, got "
                        + m.minSeconds());
        require(m.jitWaitSeconds() >= 0 && m.jitWaitSeconds() <= MAX_JIT_WAIT_SECONDS,
                "--jit-wait must be 0 to 3600 seconds, got " + m.jitWaitSeconds());
        require(Presets.Measurement.WORKER.equals(m.oneThreadOn()) || Presets.Measurement.MAIN.equals(m.oneThreadOn()),
                "--one-thread-on must be worker or main, got '" + m.oneThreadOn() + "'");
        Presets.Target t = m.target();
        require(t == null || m.samples() == null || t.maxSamples() >= m.samples(),
                t == null ? "" : "--max-samples (" + t.maxSamples() + ") is below --samples (" + m.samples() + ")");
    }

    private static void checkLimits(ContainerLimits l) {
        require(l != null, "container limits are required");
        int cores = Runtime.getRuntime().availableProcessors();
        require(l.cpus() >= MIN_CPUS && l.cpus() <= cores,
                "--cpus must be at least " + MIN_CPUS + " (Docker's smallest share) and at most the " + cores
                        + " cores here, got " + l.cpus());
        require(l.memoryBytes() >= MIN_MEMORY,
                "--memory must be at least 64m, got " + (l.memoryBytes() >> 20) + "m (" + l.memoryBytes() + " bytes)");
        long machine = machineMemory();
        require(machine <= 0 || l.memoryBytes() <= machine, "--memory must be at most the machine's "
                + (machine >> 20) + "m, got " + (l.memoryBytes() >> 20) + "m");
    }

    /** The machine's physical memory in bytes, or 0 when the JVM cannot tell. */
    private static long machineMemory() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Collects options; {@link #build()} checks them. */
    public static final class Builder {
        private List<String> runtimes = RuntimeRegistry.DEFAULT_IDS;
        private List<String> names;
        private List<Integer> threads = defaultThreads();
        private Presets.Measurement measurement = Presets.defaults();
        private Duration timeout = DEFAULT_TIMEOUT;
        private Path outDir;
        private String localPython = "python3";
        private List<Path> searchPaths = List.of();
        private ContainerLimits limits = ContainerLimits.defaults();
        private String commandLine;
        private boolean resume;
        private List<String> modes = List.of(ExecutionMode.THREADS);
        private Shard shard;
        private Long layoutSeed;
        private boolean allowShadowing;
        private boolean append;

        private Builder() {
        }

        public Builder runtimes(List<String> ids) {
            runtimes = ids;
            return this;
        }

        public Builder names(List<String> n) {
            names = n;
            return this;
        }

        public Builder threads(List<Integer> counts) {
            threads = counts;
            return this;
        }

        public Builder measurement(Presets.Measurement m) {
            measurement = m;
            return this;
        }

        public Builder timeout(Duration t) {
            timeout = t;
            return this;
        }

        public Builder outDir(Path dir) {
            outDir = dir;
            return this;
        }

        public Builder localPython(String python) {
            localPython = python;
            return this;
        }

        public Builder searchPaths(List<Path> dirs) {
            searchPaths = dirs;
            return this;
        }

        public Builder limits(ContainerLimits l) {
            limits = l;
            return this;
        }

        public Builder commandLine(String line) {
            commandLine = line;
            return this;
        }

        public Builder resume(boolean r) {
            resume = r;
            return this;
        }

        /** Null or empty: threads only. */
        public Builder modes(List<String> m) {
            modes = m;
            return this;
        }

        public Builder shard(Shard s) {
            shard = s;
            return this;
        }

        public Builder layoutSeed(Long seed) {
            layoutSeed = seed;
            return this;
        }

        public Builder allowShadowing(boolean allow) {
            allowShadowing = allow;
            return this;
        }

        public Builder append(boolean a) {
            append = a;
            return this;
        }

        /** The options, checked; a bad one is an IllegalArgumentException naming its flag and value. */
        public RunOptions build() {
            return new RunOptions(runtimes, names, threads, measurement, timeout, outDir, localPython, searchPaths,
                    limits, commandLine, resume, modes, shard, layoutSeed, allowShadowing, append);
        }

        /** 1 up to the cores, and at least 1 and 2: the scaling story needs a second thread. */
        private static List<Integer> defaultThreads() {
            List<Integer> out = new ArrayList<>();
            for (int i = 1; i <= Math.max(2, Runtime.getRuntime().availableProcessors()); i++) {
                out.add(i);
            }
            return out;
        }
    }

    /** The options a run in {@code dir} was started with (its first run-*.json), to resume it. */
    public static RunOptions recordedIn(Path dir, String commandLine) throws java.io.IOException {
        Path record = io.gillab.results.ResultSet.runRecords(dir).stream().findFirst()
                .orElseThrow(() -> new java.io.IOException("no run-*.json in " + dir + ": nothing to resume"));
        var json = io.gillab.results.ResultsFile.json();
        com.fasterxml.jackson.databind.JsonNode o;
        try {
            o = json.readTree(record.toFile()).path("options");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new java.io.IOException(record + " is not a whole run record (" + e.getOriginalMessage() + ")", e);
        }
        if (!o.isObject() || !o.path("threads").isArray() || !o.path("measurement").isObject()) {
            throw new java.io.IOException(record + " records no run options to resume with (truncated or empty?)");
        }
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
        return builder().runtimes(runtimes).names(names).threads(threads).measurement(m)
                .timeout(Duration.ofSeconds(o.path("timeout_seconds").asLong(300))).outDir(dir)
                .localPython(o.path("local_python").asText("python3")).searchPaths(paths).limits(limits)
                .commandLine(commandLine).resume(true).modes(modes).shard(shard).layoutSeed(layoutSeed)
                .allowShadowing(o.path("allow_shadowing").asBoolean(false)).build();
    }
}
