package io.gillab.worker;

import java.io.File;
import java.util.Map;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/** GraalPy embedded through the polyglot API: one Context, the driver evaluated as __main__. */
final class GraalPyEngine implements EmbeddedEngine {

    @Override
    public int run(String driverPath, String[] driverArgs, Consumer<Map<String, Object>> hostRecord) {
        String[] argv = new String[driverArgs.length + 1];
        argv[0] = driverPath;
        System.arraycopy(driverArgs, 0, argv, 1, driverArgs.length);
        Context.Builder builder = Context.newBuilder("python")
                .arguments("python", argv)
                // Python threads are the point of the exercise; without this they fail with a host error.
                .allowCreateThread(true)
                // The driver reads its workload files and may use temporary files and sockets.
                .allowIO(IOAccess.ALL)
                // The JIT state is recorded in the host record; the warning would only be noise on stderr.
                .option("engine.WarnInterpreterOnly", "false");
        // The Context is deliberately not closed: close() waits for every Python thread, daemon ones too,
        // and the worker JVM exits right after the driver anyway.
        Context context = builder.build();
        try {
            Map<String, Object> facts = WorkerMain.baseHostFacts();
            String implementation = context.getEngine().getImplementationName();
            facts.put("engine", "graalpy");
            facts.put("engine_implementation", implementation);
            facts.put("engine_version", context.getEngine().getVersion());
            // "Interpreted" means no runtime compilation: the Graal compiler was not found or JVMCI is off.
            facts.put("jit", !implementation.toLowerCase().contains("interpreted"));
            hostRecord.accept(facts);
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
        } catch (java.io.IOException e) {
            System.err.println("graalpy: cannot read driver " + driverPath + ": " + e.getMessage());
            return 2;
        }
    }
}
