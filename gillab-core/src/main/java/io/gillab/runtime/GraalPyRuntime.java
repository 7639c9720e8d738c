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
        if (!GillabHome.onClasspath("org.graalvm.polyglot.Context")
                || !GillabHome.onClasspath("com.oracle.graal.python.PythonLanguage")) {
            return Availability.no("GraalPy is not on the class path (org.graalvm.polyglot:python; in gillab's checkout run ./mvnw package)");
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
            return "no Graal compiler jars in " + home.whereCompilerJarsWereLookedFor();
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
        return jit ? JIT_WARMUPS : 2;
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

    /**
     * Where the worker keeps .pyc files of GraalPy's own standard library ({@code io.gillab.worker.GraalPyEngine}
     * says why, and why only those): {@code ~/.cache/gillab/graalpy-pyc} (or under {@code -Dgillab.cache}). None
     * when the folder cannot be made or is in the temporary directory. Python writes each .pyc aside and renames it into place, so workers
     * starting at once never read half of one.
     */
    static List<String> pycacheFlags() {
        try {
            Path dir = BundledScripts.cacheRoot().resolve("graalpy-pyc").toAbsolutePath().normalize();
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
            if (dir.startsWith(tmp) || dir.startsWith(Path.of("/tmp"))) {
                // Workloads may write there anyway, so the sandbox could not keep the scripts' .pyc files out.
                return List.of();
            }
            Files.createDirectories(dir);
            return List.of("-Dgillab.graalpy.pycache=" + dir);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private List<String> jvmFlags() {
        List<String> flags = new ArrayList<>();
        if (jit && whyNoJit() == null) {
            flags.add("-XX:+UnlockExperimentalVMOptions");
            flags.add("-XX:+EnableJVMCI");
            flags.add("--upgrade-module-path=" + String.join(File.pathSeparator,
                    home.graalCompilerJars().stream().map(Path::toString).toList()));
            flags.add("-XX:+UnlockDiagnosticVMOptions");
            flags.add("-XX:CompilerDirectivesFile=" + GraalCompilerOnC1.directivesFile());
        }
        flags.addAll(pycacheFlags());
        // Without those flags Truffle falls back to its interpreter; the host record says which ran.
        return flags;
    }

    /**
     * Keeps HotSpot's C2 off the Graal compiler's own code, which C1 then compiles (tier 1, as for a method C2
     * may not compile). Why: the Graal compiler that Truffle uses here is Java code (jargraal), and C2 compiled
     * it, method after method, for the whole of a trial: measured here on a GraalPy sleep trial, C2 kept one of
     * the two cores ~80% busy from start to end, so the wait for idle compilers before each sample took 0.3-3 s,
     * and 2-thread countdown samples ran beside it (cpu/wall 1.52 under a GIL). With this directive: C2 mostly
     * idle, the countdown trial 81 s -> 55 s, cpu/wall 1.05, the same steady-state time (151 vs 159 ms, within
     * its noise). The code Truffle makes of the workload does not change, only how fast the compiler runs;
     * GraalPy's own Java code (its interpreter, its builtins) is still C2's. GraalVM's own JDKs avoid this
     * with libgraal, a compiler compiled ahead of time, which a stock JDK lacks.
     */
    static final class GraalCompilerOnC1 {
        /** JEP 165 compiler directives: no C2 for the Graal compiler, JVMCI and their collections. */
        static final String DIRECTIVES = """
                [ { match: ["jdk/graal/compiler/*.*", "jdk/vm/ci/*.*", "org/graalvm/collections/*.*"],
                    c2: { Exclude: true } } ]
                """;
        private static Path file;

        private GraalCompilerOnC1() {
        }

        /** The directives, written once per gillab process to a temporary file (a JVM flag takes a path). */
        static synchronized Path directivesFile() {
            if (file == null || !Files.isRegularFile(file)) {
                try {
                    Path f = Files.createTempFile("gillab-graal-on-c1-", ".json");
                    Files.writeString(f, DIRECTIVES);
                    f.toFile().deleteOnExit();
                    file = f;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot write the worker's compiler directives", e);
                }
            }
            return file;
        }
    }
}
