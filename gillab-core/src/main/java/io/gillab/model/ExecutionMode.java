package io.gillab.model;

import java.util.List;

/**
 * How the N workers of a workload run: the GIL's way (threads) and the ways around it. A mode an
 * implementation lacks is reported by the driver as not available, not as a failure.
 */
public final class ExecutionMode {
    private ExecutionMode() {
    }

    /** Python threads in one interpreter (the default; what the GIL governs). */
    public static final String THREADS = "threads";
    /** One OS process per worker (multiprocessing); Jython has none. */
    public static final String PROCESSES = "processes";
    /** CPython 3.14's subinterpreters, one per worker, each with its own GIL. */
    public static final String INTERPRETERS = "interpreters";
    /** GraalPy: one Context per worker on one shared Engine (a GIL per Context). */
    public static final String CONTEXTS = "contexts";

    public static final List<String> ALL = List.of(THREADS, PROCESSES, INTERPRETERS, CONTEXTS);
}
