package io.gillab.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of a worker JVM: embeds one Python engine and runs the portable driver in it.
 *
 * <p>Usage: {@code WorkerMain jython|graalpy DRIVER.py [driver args...]}. The driver writes its JSON
 * lines on stdout; before it, the worker writes one {@code host} record describing the JVM and the
 * engine (for GraalPy: whether runtime compilation is active). Each trial gets a fresh worker, so
 * JIT flags can differ per runtime and a hung script can be killed with its whole JVM.
 *
 * <p>{@code WorkerMain ENGINE DRIVER.py --batch FILE} runs several driver calls (FILE: a JSON list of argument
 * lists) one after another, each in a fresh interpreter (a new GraalPy Context, a new Jython system state):
 * the probes of one runtime, which need isolation from each other, not a JVM each. Before each call it writes
 * {@code {"gillab":1,"record":"batch","call":i,"event":"start"}} on stdout and on stderr, after it
 * {@code {"gillab":1,"record":"batch","call":i,"event":"end","exit_code":rc}} on stdout, so gillab can give
 * each call its own output (io.gillab.runtime.BatchSplit) and its own time limit.
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
        boolean batch = driverArgs.length == 2 && driverArgs[0].equals("--batch");
        EmbeddedEngine embedded = switch (engine) {
            case "jython" -> new JythonEngine();
            case "graalpy" -> new GraalPyEngine(batch);
            default -> {
                System.err.println("unknown engine '" + engine + "' (valid: jython, graalpy)");
                System.exit(2);
                yield null;
            }
        };
        if (batch) {
            System.exit(runBatch(embedded, driver, Path.of(driverArgs[1]), out));
        }
        int rc = embedded.run(driver, driverArgs, hostRecord -> out.println(HostRecord.toJson(hostRecord)));
        out.flush();
        System.exit(rc);
    }

    private static int runBatch(EmbeddedEngine embedded, String driver, Path file, PrintStream out) {
        List<String[]> calls = new ArrayList<>();
        try {
            for (JsonNode call : new ObjectMapper().readTree(file.toFile())) {
                List<String> args = new ArrayList<>();
                call.forEach(a -> args.add(a.asText()));
                calls.add(args.toArray(String[]::new));
            }
        } catch (IOException e) {
            System.err.println("worker: cannot read the batch file " + file + ": " + e.getMessage());
            return 2;
        }
        for (int i = 0; i < calls.size(); i++) {
            String mark = "{\"gillab\":1,\"record\":\"batch\",\"call\":" + i + ",\"event\":\"start\"}";
            System.err.println(mark);
            System.err.flush();
            out.println(mark);
            int rc = embedded.run(driver, calls.get(i), hostRecord -> out.println(HostRecord.toJson(hostRecord)));
            out.println("{\"gillab\":1,\"record\":\"batch\",\"call\":" + i + ",\"event\":\"end\",\"exit_code\":"
                    + rc + "}");
            out.flush();
        }
        return 0;
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
            // what a workload started dies with it (orphans of those are ended by their trial's process group)
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
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
