package io.gillab.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One timed sample as the driver measured it.
 *
 * @param cpuSeconds     process CPU time over the sample, where the runtime can tell (null otherwise)
 * @param metrics        a measured workload's own figures (e.g. the convoy's latency_p99), or null
 * @param fork           which worker process of the trial took it (0 for the first). Not written in schema 2,
 *                       where a sample sits in its {@link Fork}, which sets it; read from schema-1 lines
 * @param jitWaitSeconds how long the worker JVM waited for idle JIT compilers before the timed
 *                       interval (Jython, GraalPy; null elsewhere, see io.gillab.worker.JitQuiet)
 * @param jitBusy        true when the compilers were still busy as that wait ran out (null elsewhere)
 * @param timedOn        for a 1-thread sample of a run() workload in threads mode, the thread that ran it:
 *                       {@value #TIMED_ON_WORKER} or "main" (driver.py --one-thread-on); null elsewhere, and
 *                       in results from before it was recorded (those ran on a worker)
 */
public record Sample(int index, boolean warmup, double seconds, int threads, long size, Double cpuSeconds,
        Map<String, Double> metrics,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) int fork,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double jitWaitSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean jitBusy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String timedOn) {

    /** The driver's default thread for 1-thread samples: a new one, as for the N-thread samples. */
    public static final String TIMED_ON_WORKER = "worker";

    public Sample(int index, boolean warmup, double seconds, int threads, long size, Double cpuSeconds,
            Map<String, Double> metrics, int fork) {
        this(index, warmup, seconds, threads, size, cpuSeconds, metrics, fork, null, null, null);
    }

    public Sample withFork(int f) {
        return f == fork ? this
                : new Sample(index, warmup, seconds, threads, size, cpuSeconds, metrics, f, jitWaitSeconds, jitBusy,
                        timedOn);
    }
}
