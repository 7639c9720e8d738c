package io.gillab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Jython 2.7 embedded in a worker JVM: Python threads are Java threads, and there is no GIL. */
public final class JythonRuntime implements PythonRuntime {
    private final GillabHome home;

    public JythonRuntime(GillabHome home) {
        this.home = home;
    }

    @Override
    public String id() {
        return "jython";
    }

    @Override
    public Availability availability() {
        if (!GillabHome.onClasspath("org.python.core.PyException")) {
            return Availability.no("Jython is not on the class path (org.python:jython-standalone; in gillab's checkout run ./mvnw package)");
        }
        if (!Files.isRegularFile(home.driver())) {
            return Availability.no("driver not found: " + home.driver());
        }
        return Availability.yes("embedded Jython in a worker JVM (Java " + Runtime.version() + ")");
    }

    @Override
    public boolean isJit() {
        return true;
    }

    @Override
    public int defaultWarmups() {
        return 3; // Jython's bytecode is JIT-compiled by the JVM: a few rounds before it settles
    }

    @Override
    public ProcessOutput run(DriverCall call, Duration timeout) throws IOException {
        return WorkerJvm.run(WorkerJvm.command(home, List.of(), "jython", call), call.env(), timeout);
    }

    /** The probes in one worker JVM, each in a fresh Jython system state and interpreter. */
    @Override
    public List<ProcessOutput> runProbes(List<DriverCall> calls, Duration timeout) throws IOException {
        return WorkerJvm.runBatch(home, List.of(), "jython", calls, timeout);
    }
}
