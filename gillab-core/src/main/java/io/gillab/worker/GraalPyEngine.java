package io.gillab.worker;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * GraalPy embedded through the polyglot API: one Context, the driver evaluated as __main__. With
 * {@code --mode contexts} the driver also gets N more Contexts on the same Engine (see {@link ContextPool}).
 *
 * <p>Each Context gets only what the driver needs (see {@link #sandbox}): Python threads; reading the
 * scripts directory and the {@code --path} directories; reading and writing the temporary directory (the
 * file_read workload); loopback sockets (tcp_echo, convoy); GraalPy's own home (its standard library).
 * No process creation, no native access, no environment variables, no host class lookup: the only host
 * object is {@link GillabHost}, whose exported methods are all Python can call.
 */
final class GraalPyEngine implements EmbeddedEngine {
    /**
     * In a batch worker (several probes, one after another) each call's Context is cancelled when the call
     * ends, so the next starts with no thread or memory of the last one. Each Context keeps its own Engine,
     * as a single run has: a shared Engine would put GraalPy in multi-context mode, which compiles code
     * differently (no single-context specialisations).
     */
    private final boolean batch;

    GraalPyEngine(boolean batch) {
        this.batch = batch;
    }

    @Override
    public int run(String driverPath, String[] driverArgs, Consumer<Map<String, Object>> hostRecord) {
        String[] argv = new String[driverArgs.length + 1];
        argv[0] = driverPath;
        System.arraycopy(driverArgs, 0, argv, 1, driverArgs.length);
        Path scripts = Path.of(driverPath).toAbsolutePath().normalize().getParent();
        List<Path> readable = new ArrayList<>();
        readable.add(scripts);
        readable.addAll(searchPaths(driverArgs));
        List<Path> writable = temporaryDirs();
        boolean contexts = contextsMode(driverArgs);

        // Only --mode contexts shares an explicit Engine (so the worker Contexts share compiled code); every
        // other mode keeps one Context on its own bound Engine, exactly as a single GraalPy runs.
        Engine engine = !contexts ? null : Engine.newBuilder("python")
                // The JIT state is recorded in the host record; the warning would only be noise on stderr.
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        ContextPool.Factory pools = !contexts ? null : dir -> new ContextPool(
                // a worker Context's prints go to stderr: stdout carries the main driver's records only
                () -> sandbox(Context.newBuilder("python").engine(engine), readable, writable)
                        // same policy as the main Context (an Engine has one); no host object is passed in
                        .allowHostAccess(HostAccess.EXPLICIT)
                        .out(System.err)
                        .err(System.err),
                dir);
        GillabHost host = new GillabHost(pools);
        Context.Builder builder = sandbox(Context.newBuilder("python"), readable, writable)
                .arguments("python", argv)
                // Only GillabHost's @Export methods are reachable; no other host object is ever passed in.
                .allowHostAccess(HostAccess.EXPLICIT);
        if (engine != null) {
            builder.engine(engine);
        } else {
            // The JIT state is recorded in the host record; the warning would only be noise on stderr.
            builder.option("engine.WarnInterpreterOnly", "false");
        }
        // A single run's Context is deliberately not closed: close() waits for every Python thread, daemon ones
        // too, and the worker JVM exits right after the driver anyway. A batch cancels its calls' Contexts
        // (close(true)) so that the next call starts with no thread or memory of the last one.
        Context context = builder.build();
        try {
            Map<String, Object> facts = WorkerMain.baseHostFacts();
            String implementation = context.getEngine().getImplementationName();
            facts.put("engine", "graalpy");
            facts.put("engine_implementation", implementation);
            facts.put("engine_version", context.getEngine().getVersion());
            // "Interpreted" means no runtime compilation: the Graal compiler was not found or JVMCI is off.
            facts.put("jit", !implementation.toLowerCase().contains("interpreted"));
            facts.put("sandbox", describe(readable, writable));
            facts.put("pycache", pycache() == null ? null : pycache().toString());
            if (contexts) {
                facts.put("contexts", "one Context per worker on one shared Engine, one Java thread each");
            }
            hostRecord.accept(facts);
            // Put into __main__'s globals before the driver runs; the driver reads it at import.
            context.getBindings("python").putMember("__gillab_host__", host);
            try {
                context.eval(Source.newBuilder("python", new File(driverPath)).name("__main__").build());
                return 0;
            } catch (PolyglotException e) {
                if (e.isExit()) {
                    return e.getExitStatus();
                }
                System.err.println("graalpy: uncaught " + e);
                e.printStackTrace();
                return 1;
            } finally {
                System.out.flush();
            }
        } catch (IOException e) {
            System.err.println("graalpy: cannot read driver " + driverPath + ": " + e.getMessage());
            return 2;
        } finally {
            if (batch) {
                try {
                    context.close(true);
                } catch (RuntimeException e) {
                    System.err.println("graalpy: the Context did not close cleanly: " + e);
                }
            }
        }
    }

    /**
     * System property naming a folder for GraalPy's .pyc files of its own standard library (set by gillab on the
     * worker's command line). Embedded GraalPy writes none by default, so every worker compiled argparse, json,
     * threading and the like from source again: ~1.3 s of a JIT worker's start (2-3 s CPU) on 2 cores. Only
     * modules of GraalPy's home are cached ({@link SandboxFileSystem}): its folder is named by its content, so
     * their .pyc files never go stale; gillab's scripts and workloads are compiled from source as before. A .pyc
     * holds the same bytecode the compiler makes from source, so what Truffle compiles does not change.
     */
    static final String PYCACHE_PROPERTY = "gillab.graalpy.pycache";

    /** The folder of {@link #PYCACHE_PROPERTY}, or null. */
    static Path pycache() {
        String p = System.getProperty(PYCACHE_PROPERTY);
        return p == null || p.isBlank() ? null : Path.of(p).toAbsolutePath().normalize();
    }

    /** The access every gillab Context gets, and nothing more. */
    static Context.Builder sandbox(Context.Builder b, List<Path> readable, List<Path> writable) {
        Path pycache = pycache();
        FileSystem fs = SandboxFileSystem.create(readable, writable, pycache);
        if (pycache != null) {
            b.option("python.DontWriteBytecodeFlag", "false").option("python.PyCachePrefix", pycache.toString());
        }
        return b
                // Python threads are the point of the exercise; without this they fail with a host error.
                .allowCreateThread(true)
                .allowIO(IOAccess.newBuilder().fileSystem(fs).allowHostSocketAccess(true).build())
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowHostClassLookup(name -> false)
                .allowPolyglotAccess(PolyglotAccess.NONE);
    }

    static boolean under(Path p, List<Path> roots) {
        Path abs = p.isAbsolute() ? p.normalize() : p.toAbsolutePath().normalize();
        for (Path r : roots) {
            if (abs.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> describe(List<Path> readable, List<Path> writable) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read", readable.stream().map(Path::toString).toList());
        m.put("read_write", writable.stream().map(Path::toString).toList());
        m.put("sockets", true);
        m.put("threads", true);
        m.put("processes", false);
        m.put("native", false);
        m.put("environment", false);
        m.put("host_access", "GillabHost only (@HostAccess.Export)");
        return m;
    }

    static List<Path> temporaryDirs() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(Path.of("/tmp"));
        Path javaTmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (!dirs.contains(javaTmp)) {
            dirs.add(javaTmp);
        }
        return dirs;
    }

    /** The driver's {@code --path DIR} arguments. */
    static List<Path> searchPaths(String[] args) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--path") && i + 1 < args.length) {
                out.add(Path.of(args[i + 1]).toAbsolutePath().normalize());
            } else if (args[i].startsWith("--path=")) {
                out.add(Path.of(args[i].substring(7)).toAbsolutePath().normalize());
            }
        }
        return out;
    }

    static boolean contextsMode(String[] args) {
        List<String> a = Arrays.asList(args);
        int i = a.indexOf("--mode");
        return (i >= 0 && i + 1 < a.size() && a.get(i + 1).equals("contexts")) || a.contains("--mode=contexts");
    }
}
