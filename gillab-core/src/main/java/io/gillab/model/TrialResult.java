package io.gillab.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of {@code results.jsonl}: everything gillab knows about one trial, with one {@link Fork} per
 * worker process that ran (none when it was skipped or could not start). Failed and timed-out trials keep
 * whatever samples they produced; skipped ones say why. docs/output.md documents the fields. Build one with
 * {@link #builder()}.
 *
 * @param startedAt   when the trial started (its first fork)
 * @param wallSeconds the trial's wall time: its forks' added up
 * @param probe       a probe's structured answer
 * @param group       the catalogue group of the workload or probe ("benchmark", "scaling pattern", "behaviour
 *                    probe", "GIL semantics", or a file's own); null in results written before gillab recorded
 *                    it (see {@link #groupOrDefault()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialResult(
        int schema,
        String runId,
        String trial,
        String runtime,
        String name,
        String kind,
        String group,
        List<Integer> threadCounts,
        Long size,
        Integer warmups,
        String scalingMode,
        String mode,
        Status status,
        String message,
        String startedAt,
        Double wallSeconds,
        JsonNode probe,
        List<Fork> forks) {

    /** Schema 2: forks as a list, each with its own metadata and samples. */
    public static final int SCHEMA = 2;

    /** The mode of results that name none: they were written before modes existed, and ran threads. */
    public static final String DEFAULT_MODE = ExecutionMode.THREADS;

    public TrialResult {
        forks = forks == null ? List.of() : List.copyOf(forks);
    }

    /** How a trial ended. */
    public enum Status {
        ok, failed, timeout, skipped
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().schema(schema).runId(runId).trial(trial).runtime(runtime).name(name).kind(kind)
                .group(group).threadCounts(threadCounts).size(size).warmups(warmups).scalingMode(scalingMode).mode(mode)
                .status(status).message(message).startedAt(startedAt).wallSeconds(wallSeconds).probe(probe)
                .forks(forks);
    }

    /** Every fork's samples, fork by fork, in the order they were taken. */
    public List<Sample> samples() {
        return forks.stream().flatMap(f -> f.samples().stream()).toList();
    }

    /**
     * The catalogue group, or for results that recorded none the default a file without one gets: a probe is
     * a "behaviour probe", anything else a "benchmark".
     */
    public String groupOrDefault() {
        return group != null && !group.isBlank() ? group : "probe".equals(kind) ? "behaviour probe" : "benchmark";
    }

    /** The worker processes that ran. */
    public int forkCount() {
        return forks.size();
    }

    /**
     * The first fork: the one that calibrated the size. Its launch, host and implementation records stand for
     * the trial's where one is shown (every fork of a trial runs the same runtime). Null when none ran.
     */
    public Fork firstFork() {
        return forks.isEmpty() ? null : forks.get(0);
    }

    /**
     * The fork that decided the status: the last one when the trial did not end ok (a failing fork ends the
     * trial), else the first. Null when none ran.
     */
    public Fork decidingFork() {
        return forks.isEmpty() ? null : ok() ? forks.get(0) : forks.get(forks.size() - 1);
    }

    public Map<String, Object> launch() {
        return firstFork() == null ? null : firstFork().launch();
    }

    public JsonNode implementation() {
        return firstFork() == null ? null : firstFork().implementation();
    }

    public JsonNode host() {
        return firstFork() == null ? null : firstFork().host();
    }

    public JsonNode calibration() {
        return firstFork() == null ? null : firstFork().calibration();
    }

    public Integer exitCode() {
        return decidingFork() == null ? null : decidingFork().exitCode();
    }

    public List<JsonNode> errors() {
        return decidingFork() == null ? List.of() : decidingFork().errors();
    }

    public Long otherOutputLines() {
        return decidingFork() == null ? null : decidingFork().otherOutputLines();
    }

    public List<String> otherOutputExamples() {
        return decidingFork() == null ? null : decidingFork().otherOutputExamples();
    }

    public String stderrTail() {
        return decidingFork() == null ? null : decidingFork().stderrTail();
    }

    /** Each fork's layout record, for the forks that have one. */
    public List<JsonNode> forkLayouts() {
        return forks.stream().map(Fork::layout).filter(Objects::nonNull).toList();
    }

    /**
     * Which thread timed the 1-thread samples of this trial: "worker", "main", or null when it has none
     * (probes, measure() workloads such as the convoy, modes other than threads). Results from before
     * gillab recorded it (no fork layouts) ran run() workloads on a worker.
     */
    public String oneThreadOn() {
        if (forks.isEmpty() || "probe".equals(kind) || "mixed".equals(kind) || !DEFAULT_MODE.equals(executionMode())) {
            return null;
        }
        boolean recorded = forks.stream().anyMatch(f -> f.layout() != null);
        var seen = samples().stream().filter(s -> s.threads() == 1)
                .map(s -> s.timedOn() != null ? s.timedOn() : recorded ? null : Sample.TIMED_ON_WORKER)
                .filter(Objects::nonNull).distinct().sorted().toList();
        return seen.isEmpty() ? null : String.join("+", seen);
    }

    /** threads, processes, interpreters or contexts; results written before modes existed are threads. */
    public String executionMode() {
        return mode == null ? DEFAULT_MODE : mode;
    }

    public boolean ok() {
        return status == Status.ok;
    }

    /**
     * A note when the worker JVM's JIT compilers were still busy as the wait for them ran out before some
     * measured samples (see driver.py --jit-wait): those samples shared the cores with the compiler.
     * Null when there is nothing to say.
     */
    public String jitBusyNote() {
        List<Sample> samples = samples();
        long measured = samples.stream().filter(s -> !s.warmup()).count();
        long busy = samples.stream().filter(s -> !s.warmup() && Boolean.TRUE.equals(s.jitBusy())).count();
        return busy == 0 ? null
                : "JIT still compiling at the start of " + busy + " of " + measured + " measured samples";
    }

    /** The same result with a note added to its message (a run-time fact a reader should see). */
    public TrialResult withNote(String note) {
        return toBuilder().message(message == null || message.isBlank() ? note : message + "; " + note).build();
    }

    /** The cores the trial's threads had: the machine's, or its container's CPU limit when lower (0: unknown). */
    public int cores() {
        JsonNode implementation = implementation();
        Map<String, Object> launch = launch();
        int cores = implementation == null ? 0 : implementation.path("cpu_count").asInt(0);
        if (launch != null && launch.get("cpus") instanceof Number cpus) {
            // in a container, os.cpu_count() is the host's; the CPU limit is what the threads get
            int limit = (int) Math.floor(cpus.doubleValue());
            cores = cores == 0 ? limit : Math.min(cores, limit);
        }
        return cores;
    }

    /** The measured (not warm-up) seconds at one thread count. */
    public List<Double> measured(int threads) {
        return samples().stream().filter(s -> !s.warmup() && s.threads() == threads).map(Sample::seconds).toList();
    }

    /** Builds a trial result field by field; the schema defaults to the current one. */
    public static final class Builder {
        private int schema = SCHEMA;
        private String runId;
        private String trial;
        private String runtime;
        private String name;
        private String kind;
        private String group;
        private List<Integer> threadCounts;
        private Long size;
        private Integer warmups;
        private String scalingMode;
        private String mode;
        private Status status;
        private String message;
        private String startedAt;
        private Double wallSeconds;
        private JsonNode probe;
        private List<Fork> forks = List.of();

        private Builder() {
        }

        public Builder schema(int v) {
            schema = v;
            return this;
        }

        public Builder runId(String v) {
            runId = v;
            return this;
        }

        public Builder trial(String v) {
            trial = v;
            return this;
        }

        public Builder runtime(String v) {
            runtime = v;
            return this;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder kind(String v) {
            kind = v;
            return this;
        }

        public Builder group(String v) {
            group = v;
            return this;
        }

        public Builder threadCounts(List<Integer> v) {
            threadCounts = v;
            return this;
        }

        public Builder size(Long v) {
            size = v;
            return this;
        }

        public Builder warmups(Integer v) {
            warmups = v;
            return this;
        }

        public Builder scalingMode(String v) {
            scalingMode = v;
            return this;
        }

        public Builder mode(String v) {
            mode = v;
            return this;
        }

        public Builder status(Status v) {
            status = v;
            return this;
        }

        public Builder message(String v) {
            message = v;
            return this;
        }

        public Builder startedAt(String v) {
            startedAt = v;
            return this;
        }

        public Builder wallSeconds(Double v) {
            wallSeconds = v;
            return this;
        }

        public Builder probe(JsonNode v) {
            probe = v;
            return this;
        }

        public Builder forks(List<Fork> v) {
            forks = v;
            return this;
        }

        public TrialResult build() {
            return new TrialResult(schema, runId, trial, runtime, name, kind, group, threadCounts, size, warmups, scalingMode,
                    mode, status, message, startedAt, wallSeconds, probe, forks);
        }
    }
}
