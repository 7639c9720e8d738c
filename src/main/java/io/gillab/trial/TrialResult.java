package io.gillab.trial;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.driver.DriverOutput;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code results.jsonl}: everything gillab knows about one trial. Failed and timed-out
 * trials keep whatever samples they produced; skipped ones say why. The README documents the fields.
 * {@code forkLayouts} has one object per fork that ran: what it randomised and which thread timed its
 * 1-thread samples ({@link ForkLayout#record}); null for probes and results from before it existed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialResult(
        int schema,
        String runId,
        String trial,
        String runtime,
        String name,
        String kind,
        List<Integer> threadCounts,
        Long size,
        Integer warmups,
        String scalingMode,
        String mode,
        Status status,
        String message,
        String startedAt,
        Double wallSeconds,
        Integer exitCode,
        Map<String, Object> launch,
        JsonNode implementation,
        JsonNode host,
        JsonNode calibration,
        List<DriverOutput.Sample> samples,
        int forks,
        JsonNode probe,
        List<JsonNode> errors,
        Long otherOutputLines,
        List<String> otherOutputExamples,
        String stderrTail,
        List<JsonNode> forkLayouts) {

    public static final int SCHEMA = 1;

    /** Without fork layouts (probes, tests). */
    public TrialResult(int schema, String runId, String trial, String runtime, String name, String kind,
            List<Integer> threadCounts, Long size, Integer warmups, String scalingMode, String mode, Status status,
            String message, String startedAt, Double wallSeconds, Integer exitCode, Map<String, Object> launch,
            JsonNode implementation, JsonNode host, JsonNode calibration, List<DriverOutput.Sample> samples, int forks,
            JsonNode probe, List<JsonNode> errors, Long otherOutputLines, List<String> otherOutputExamples,
            String stderrTail) {
        this(schema, runId, trial, runtime, name, kind, threadCounts, size, warmups, scalingMode, mode, status, message,
                startedAt, wallSeconds, exitCode, launch, implementation, host, calibration, samples, forks, probe, errors,
                otherOutputLines, otherOutputExamples, stderrTail, null);
    }

    /** The same result with these fork layouts. */
    public TrialResult withForkLayouts(List<JsonNode> layouts) {
        return new TrialResult(schema, runId, trial, runtime, name, kind, threadCounts, size, warmups, scalingMode, mode,
                status, message, startedAt, wallSeconds, exitCode, launch, implementation, host, calibration, samples,
                forks, probe, errors, otherOutputLines, otherOutputExamples, stderrTail, layouts);
    }

    /**
     * Which thread timed the 1-thread samples of this trial: "worker", "main", or null when it has none
     * (probes, measure() workloads such as the convoy, modes other than threads). Results from before
     * gillab recorded it (no fork layouts) ran run() workloads on a worker.
     */
    public String oneThreadOn() {
        if (samples == null || "probe".equals(kind) || "mixed".equals(kind)
                || !ExecutionMode.THREADS.equals(executionMode())) {
            return null;
        }
        boolean recorded = forkLayouts != null;
        var seen = samples.stream().filter(s -> s.threads() == 1)
                .map(s -> s.timedOn() != null ? s.timedOn() : recorded ? null : Presets.Measurement.WORKER)
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
        return seen.isEmpty() ? null : String.join("+", seen);
    }

    /** How a trial ended. */
    public enum Status {
        ok, failed, timeout, skipped
    }

    /** threads, processes, interpreters or contexts; results written before modes existed are threads. */
    public String executionMode() {
        return mode == null ? ExecutionMode.THREADS : mode;
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
        if (samples == null) {
            return null;
        }
        long measured = samples.stream().filter(s -> !s.warmup()).count();
        long busy = samples.stream().filter(s -> !s.warmup() && Boolean.TRUE.equals(s.jitBusy())).count();
        return busy == 0 ? null
                : "JIT still compiling at the start of " + busy + " of " + measured + " measured samples";
    }

    /** The same result with a note added to its message (a run-time fact a reader should see). */
    public TrialResult withNote(String note) {
        String m = message == null || message.isBlank() ? note : message + "; " + note;
        return new TrialResult(schema, runId, trial, runtime, name, kind, threadCounts, size, warmups, scalingMode, mode,
                status, m, startedAt, wallSeconds, exitCode, launch, implementation, host, calibration, samples, forks,
                probe, errors, otherOutputLines, otherOutputExamples, stderrTail, forkLayouts);
    }

    /** The statistics of this trial, derived from its samples. */
    public io.gillab.stats.TrialAnalysis analysis() {
        return io.gillab.stats.TrialAnalysis.of(new io.gillab.stats.TrialAnalysis.Input(
                samples == null ? List.of() : samples, threadCounts == null ? List.of() : threadCounts,
                calibrationSeconds(), cores(), "weak".equals(scalingMode)));
    }

    /** The cores the trial's threads had: the machine's, or its container's CPU limit when lower (0: unknown). */
    public int cores() {
        int cores = implementation == null ? 0 : implementation.path("cpu_count").asInt(0);
        if (launch != null && launch.get("cpus") instanceof Number cpus) {
            // in a container, os.cpu_count() is the host's; the CPU limit is what the threads get
            int limit = (int) Math.floor(cpus.doubleValue());
            cores = cores == 0 ? limit : Math.min(cores, limit);
        }
        return cores;
    }

    /** Seconds the first fork spent calibrating its size (the driver's calibration runs). */
    private double calibrationSeconds() {
        double s = 0;
        if (calibration != null) {
            for (JsonNode run : calibration.path("runs")) {
                s += run.path(1).asDouble(0);
            }
        }
        return s;
    }

    /** The measured (not warm-up) seconds at one thread count. */
    public List<Double> measured(int threads) {
        return samples == null ? List.of() : samples.stream().filter(s -> !s.warmup() && s.threads() == threads)
                .map(DriverOutput.Sample::seconds).toList();
    }
}
