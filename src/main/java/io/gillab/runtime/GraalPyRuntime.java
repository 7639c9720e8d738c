package io.gillab.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GraalPy embedded in a worker JVM. With {@code jit}, the Graal compiler jars go on the worker's
 * upgrade-module-path and JVMCI is enabled, so Truffle compiles hot Python code; without, GraalPy is
 * interpreted (several times slower than CPython). Each trial's host record says which really ran.
 */
public final class GraalPyRuntime implements PythonRuntime {
    /** The Graal compiler 25.0.N runs only on a JDK of at least 25.0.N (see DESIGN.md). */
    static final Runtime.Version MIN_JDK_FOR_JIT = Runtime.Version.parse("25.0.3");

    private final GillabHome home;
    private final boolean jit;

    public GraalPyRuntime(GillabHome home, boolean jit) {
        this.home = home;
        this.jit = jit;
    }

    @Override
    public String id() {
        return jit ? "graalpy" : "graalpy-nojit";
    }

    @Override
    public Availability availability() {
        boolean hasPolyglot = home.workerClasspath().stream()
                .anyMatch(p -> p.getFileName().toString().startsWith("python-language"));
        if (!hasPolyglot) {
            return Availability.no("GraalPy jars not found in " + home.libDir() + " (run ./mvnw package)");
        }
        if (!Files.isRegularFile(home.driver())) {
            return Availability.no("driver not found: " + home.driver());
        }
        if (!jit) {
            return Availability.yes("embedded GraalPy, interpreter only (no JIT, by request)");
        }
        String whyNoJit = whyNoJit();
        return Availability.yes(whyNoJit == null
                ? "embedded GraalPy with the Graal JIT (Java " + Runtime.version() + ")"
                : "embedded GraalPy WITHOUT its JIT: " + whyNoJit);
    }

    /** Null when the JIT can be enabled, else the reason it cannot. */
    public String whyNoJit() {
        if (home.graalCompilerJars().isEmpty()) {
            return "no Graal compiler jars in " + home.jvmciDir() + " (run ./mvnw package)";
        }
        if (Runtime.version().compareTo(MIN_JDK_FOR_JIT) < 0) {
            return "Java " + Runtime.version() + " is older than " + MIN_JDK_FOR_JIT
                    + ", which the Graal compiler " + MIN_JDK_FOR_JIT + " needs";
        }
        return null;
    }

    @Override
    public boolean isJit() {
        return true;
    }

    @Override
    public int defaultWarmups() {
        // Truffle compiles after many calls; the first multi-threaded rounds are slow too.
        return jit ? 10 : 2;
    }

    @Override
    public ProcessOutput run(DriverCall call, Duration timeout) throws IOException {
        return WorkerJvm.run(WorkerJvm.command(home, jvmFlags(), "graalpy", call), call.env(), timeout);
    }

    /** The probes in one worker JVM, each in a fresh Context (on one shared Engine, as contexts mode has). */
    @Override
    public List<ProcessOutput> runProbes(List<DriverCall> calls, Duration timeout) throws IOException {
        return WorkerJvm.runBatch(home, jvmFlags(), "graalpy", calls, timeout);
    }

    private List<String> jvmFlags() {
        List<String> flags = new ArrayList<>();
        if (jit && whyNoJit() == null) {
            flags.add("-XX:+UnlockExperimentalVMOptions");
            flags.add("-XX:+EnableJVMCI");
            flags.add("--upgrade-module-path=" + String.join(File.pathSeparator,
                    home.graalCompilerJars().stream().map(Path::toString).toList()));
        }
        // Without those flags Truffle falls back to its interpreter; the host record says which ran.
        return flags;
    }
}
