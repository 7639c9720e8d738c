package io.gillab.runtime;

import java.io.IOException;
import java.time.Duration;

/**
 * A Python implementation gillab can run the driver on. Every trial runs in its own process (a worker
 * JVM, a child process, or a container), so a runtime is a recipe for starting one.
 */
public interface PythonRuntime {

    /** The name users type in {@code --runtimes}, e.g. {@code jython} or {@code cpython:3.13}. */
    String id();

    /** Whether this runtime can run here; checked once per run. */
    Availability availability();

    /** Whether code gets compiled as it runs (warm-up matters): Jython on the JVM's JIT, GraalPy, PyPy. */
    default boolean isJit() {
        return false;
    }

    /**
     * Warm-up rounds by default on a runtime with a tracing or partial-evaluation JIT (PyPy, GraalPy):
     * PyPy traces hot loops after ~1000 iterations, then compiles; GraalPy's Truffle compiles hot code in
     * the background.
     */
    int JIT_WARMUPS = 10;

    /**
     * Warm-up rounds by default on an interpreter without a JIT (CPython). Not pyperf's 1: in three default runs
     * here, CPython 3.11's 2-thread countdown samples were 1.2-2.0x the measured median in a process's first two
     * rounds (3 processes each), so with 1 warm-up round those slow rounds were measured. A workload may ask
     * fewer for itself (INTERPRETER_WARMUPS in its file, as the convoy does).
     */
    int INTERPRETER_WARMUPS = 3;

    /** Warm-up samples the driver discards by default on this runtime (more for JIT runtimes). */
    int defaultWarmups();

    /** Runs the driver once and returns what it printed; kills it at {@code timeout}. */
    ProcessOutput run(DriverCall call, Duration timeout) throws IOException;

    /**
     * Runs probe calls, each in a fresh interpreter, with {@code timeout} for each call; returns one output per
     * call, in order. A runtime whose process start is dear (a worker JVM) runs them in one process; by
     * default each gets its own, as {@link #run} does. Never for workload forks: each is a fresh process.
     */
    default java.util.List<ProcessOutput> runProbes(java.util.List<DriverCall> calls, Duration timeout)
            throws IOException {
        java.util.List<ProcessOutput> outs = new java.util.ArrayList<>();
        for (DriverCall call : calls) {
            outs.add(run(call, timeout));
        }
        return outs;
    }
}
