package io.gillab.runtime;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the command line of a worker JVM, which embeds Jython or GraalPy (see {@code io.gillab.worker}). */
final class WorkerJvm {
    static final String MAIN_CLASS = "io.gillab.worker.WorkerMain";
    /** A worker's heap: set explicitly, since the JVM default (a quarter of memory) differs per machine. */
    static final String HEAP = "-Xmx2g";

    private WorkerJvm() {
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Flags every worker gets: a fixed heap, and quiet JDK warnings about native access and Unsafe. */
    static List<String> commonFlags() {
        List<String> flags = new ArrayList<>();
        flags.add(HEAP);
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
}
