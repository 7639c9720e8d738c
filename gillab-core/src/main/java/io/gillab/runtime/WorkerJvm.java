package io.gillab.runtime;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the command line of a worker JVM, which embeds Jython or GraalPy (see {@code io.gillab.worker}). */
final class WorkerJvm {
    static final String MAIN_CLASS = "io.gillab.worker.WorkerMain";
    /** A worker's heap: set explicitly, since the JVM default (a quarter of memory) differs per machine. */
    static final String DEFAULT_HEAP = "2g";
    /** System property that overrides the worker heap (e.g. {@code -Dgillab.worker.heap=512m}). */
    public static final String HEAP_PROPERTY = "gillab.worker.heap";

    private WorkerJvm() {
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The worker heap size as given to -Xmx: {@value #DEFAULT_HEAP} unless {@value #HEAP_PROPERTY} says otherwise. */
    static String heap() {
        String h = System.getProperty(HEAP_PROPERTY);
        return h == null || !h.strip().matches("[0-9]+[kKmMgG]?") ? DEFAULT_HEAP : h.strip();
    }

    /**
     * Flags every worker gets:
     * <ul>
     * <li>a fixed heap, initial size = maximum. With a heap free to shrink, the full GCs of the
     * driver's gc.collect() before each sample resized it, and every other GraalPy fib sample on one
     * thread cost its thread twice the CPU time (70 vs 150 ms, time.thread_time; likely first-touch page
     * faults on re-committed memory). With -Xms = -Xmx: 68-103 ms.</li>
     * <li>exit at the first OutOfMemoryError (an engine that goes on after one may be left in a bad
     * state, Jython says so itself, and hang until the time limit) with "Terminating due to
     * java.lang.OutOfMemoryError" on stderr;</li>
     * <li>quiet JDK warnings about native access and Unsafe.</li>
     * </ul>
     */
    static List<String> commonFlags() {
        List<String> flags = new ArrayList<>();
        String heap = heap();
        flags.add("-Xms" + heap);
        flags.add("-Xmx" + heap);
        flags.add("-XX:+ExitOnOutOfMemoryError");
        flags.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 23) {
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return flags;
    }

    static List<String> command(GillabHome home, List<String> extraJvmFlags, String engine, DriverCall call) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable().toString());
        cmd.addAll(commonFlags());
        cmd.addAll(extraJvmFlags);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, home.workerClasspath().stream().map(Path::toString).toList()));
        cmd.add(MAIN_CLASS);
        cmd.add(engine);
        cmd.add(home.driver().toString());
        cmd.addAll(call.argsWithLocalPaths());
        return cmd;
    }

    /**
     * Runs several driver calls in worker JVMs, as few as possible: one batch worker runs them one after
     * another, each in a fresh interpreter (see {@code io.gillab.worker.WorkerMain --batch}); when a call ends its
     * worker (a crash, the time limit), the calls after it run in a new one. For probes: behaviour checks that
     * need a fresh interpreter each, not a fresh JVM. Never for measured forks, which each get their own process.
     */
    static List<ProcessOutput> runBatch(GillabHome home, List<String> extraJvmFlags, String engine,
            List<DriverCall> calls, java.time.Duration timeout) throws java.io.IOException {
        List<ProcessOutput> outs = new ArrayList<>();
        while (outs.size() < calls.size()) {
            List<DriverCall> rest = calls.subList(outs.size(), calls.size());
            if (rest.size() == 1) {
                outs.add(run(command(home, extraJvmFlags, engine, rest.get(0)), rest.get(0).env(), timeout));
                continue;
            }
            java.nio.file.Path file = java.nio.file.Files.createTempFile("gillab-batch-", ".json");
            try {
                com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                json.writeValue(file.toFile(), rest.stream().map(DriverCall::argsWithLocalPaths).toList());
                List<String> cmd = new ArrayList<>(command(home, extraJvmFlags, engine, new DriverCall(List.of(), List.of())));
                cmd.add("--batch");
                cmd.add(file.toString());
                for (ProcessOutput out : ProcessRunner.runBatch(cmd, timeout, rest.size())) {
                    out.launch().put("worker_heap", heap());
                    outs.add(out);
                }
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        }
        return outs;
    }

    /** Runs a worker and notes its heap limit in the launch record (an OutOfMemoryError is explained with it). */
    static ProcessOutput run(List<String> command, java.time.Duration timeout) throws java.io.IOException {
        return run(command, java.util.Map.of(), timeout);
    }

    /** As {@link #run(List, java.time.Duration)}, with variables added to the worker JVM's environment. */
    static ProcessOutput run(List<String> command, java.util.Map<String, String> env, java.time.Duration timeout)
            throws java.io.IOException {
        ProcessOutput out = ProcessRunner.run(command, env, null, timeout);
        out.launch().put("worker_heap", heap());
        return out;
    }
}
