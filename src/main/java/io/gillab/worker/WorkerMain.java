package io.gillab.worker;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of a worker JVM: embeds one Python engine and runs the portable driver in it.
 *
 * <p>Usage: {@code WorkerMain jython|graalpy DRIVER.py [driver args...]}. The driver writes its JSON
 * lines on stdout; before it, the worker writes one {@code host} record describing the JVM and the
 * engine (for GraalPy: whether runtime compilation is active). Each trial gets a fresh worker, so
 * JIT flags can differ per runtime and a hung script can be killed with its whole JVM.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: WorkerMain jython|graalpy DRIVER.py [driver args...]");
            System.exit(2);
        }
        exitWhenOrphaned();
        String engine = args[0];
        String driver = args[1];
        String[] driverArgs = Arrays.copyOfRange(args, 2, args.length);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        EmbeddedEngine embedded = switch (engine) {
            case "jython" -> new JythonEngine();
            case "graalpy" -> new GraalPyEngine();
            default -> {
                System.err.println("unknown engine '" + engine + "' (valid: jython, graalpy)");
                System.exit(2);
                yield null;
            }
        };
        int rc = embedded.run(driver, driverArgs, hostRecord -> out.println(HostRecord.toJson(hostRecord)));
        out.flush();
        System.exit(rc);
    }

    /**
     * If gillab dies without a chance to kill its trials (SIGKILL, a crash), its worker stops too instead
     * of burning a core for nobody.
     */
    private static void exitWhenOrphaned() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(143);
        }, "gillab-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Host facts every worker reports, whatever the engine. */
    static Map<String, Object> baseHostFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("java_version", System.getProperty("java.version"));
        facts.put("java_vendor", System.getProperty("java.vendor"));
        facts.put("java_vm", System.getProperty("java.vm.name"));
        facts.put("jvm_args", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        facts.put("available_processors", Runtime.getRuntime().availableProcessors());
        facts.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        return facts;
    }
}
