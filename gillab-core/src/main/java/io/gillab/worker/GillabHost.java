package io.gillab.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;

/**
 * The one host object the GraalPy driver can reach (as {@code __gillab_host__} in {@code __main__}): the
 * JVM's process CPU time, a wait for idle JIT compilers ({@link JitQuiet}), and for {@code --mode contexts}
 * the worker Contexts. Only the methods marked {@link HostAccess.Export} are visible to Python
 * ({@link HostAccess#EXPLICIT}); there is no class lookup.
 */
public final class GillabHost {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContextPool.Factory factory;
    private ContextPool pool;

    GillabHost(ContextPool.Factory factory) {
        this.factory = factory;
    }

    /** Process CPU time of the whole JVM in seconds (all threads, compiler included), or -1. */
    @HostAccess.Export
    public double processCpuSeconds() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long nanos = sun.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1e9;
        }
        return -1;
    }

    /**
     * Makes (or grows to) {@code workers} Contexts on the shared Engine, each loading workload
     * {@code name} from {@code path}. Returns null, or the load error record's fields as JSON.
     */
    @HostAccess.Export
    public String prepareContexts(String name, String path, String scriptsDir, int workers) {
        if (factory == null) {
            throw new IllegalStateException("contexts are only available with --mode contexts");
        }
        if (pool == null) {
            pool = factory.create(scriptsDir);
        }
        return pool.prepare(name, path, workers);
    }

    /**
     * One sample: worker i runs the workload's run(size_i) in Context i on its own thread, all released
     * together once the JIT compilers are idle (at most {@code jitWaitSeconds}; 0: no wait); timed here
     * with System.nanoTime. Returns JSON {@code {"seconds":..,"cpu_seconds":..,"jit_wait_seconds":..,
     * "jit_busy":..,"errors":[null|{error fields}, ...]}} (no jit fields without a wait).
     */
    @HostAccess.Export
    public String sampleContexts(String sizesCsv, double jitWaitSeconds) {
        String[] parts = sizesCsv.split(",");
        long[] sizes = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            sizes[i] = Long.parseLong(parts[i].strip());
        }
        ContextPool.Timing t = pool.sample(sizes, this::processCpuSeconds, jitWaitSeconds);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", t.seconds());
        out.put("cpu_seconds", t.cpuSeconds() < 0 ? null : t.cpuSeconds());
        if (t.jit() != null) {
            out.put("jit_wait_seconds", t.jit().seconds());
            out.put("jit_busy", !t.jit().quiet());
        }
        List<Object> errors = new ArrayList<>();
        for (String e : t.errors()) {
            errors.add(e == null ? null : readTree(e));
        }
        out.put("errors", errors);
        try {
            return JSON.writeValueAsString(out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the JIT compilers are idle, at most {@code maxSeconds} (see {@link JitQuiet}); the driver
     * calls it before each timed sample. Returns {@code "SECONDS BUSY"} ({@link JitQuiet.Wait#text()}).
     */
    @HostAccess.Export
    public String awaitQuietJit(double maxSeconds) {
        return JitQuiet.awaitIdleText(maxSeconds);
    }

    @HostAccess.Export
    public void closeContexts() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    private static Object readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return Map.of("stage", "run", "exception", "HostError", "message", json, "traceback", "");
        }
    }
}
