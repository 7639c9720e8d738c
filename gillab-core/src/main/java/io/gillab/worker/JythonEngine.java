package io.gillab.worker;

import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;

/** Jython embedded through {@link PythonInterpreter}: Python threads are plain Java threads, no GIL. */
final class JythonEngine implements EmbeddedEngine {
    private int runs;

    @Override
    public int run(String driverPath, String[] driverArgs, Consumer<Map<String, Object>> hostRecord) {
        Properties props = new Properties();
        // No package cache in the user's home; it only speeds up Java-package imports we barely use.
        props.setProperty("python.cachedir.skip", "true");
        props.setProperty("python.console.encoding", "UTF-8");
        props.setProperty("python.import.site", "false");
        String[] argv = new String[driverArgs.length + 1];
        argv[0] = driverPath;
        System.arraycopy(driverArgs, 0, argv, 1, driverArgs.length);
        // The first run of a worker uses the system state initialize() makes; each later one (a batch's
        // calls) a new one, with its own sys.modules, sys.argv and streams: a fresh interpreter.
        PySystemState.initialize(System.getProperties(), props, argv);
        PySystemState state = runs++ == 0 ? Py.getSystemState() : new PySystemState();
        state.argv = new org.python.core.PyList(java.util.Arrays.stream(argv).map(PyString::new).toList());

        Map<String, Object> facts = WorkerMain.baseHostFacts();
        facts.put("engine", "jython");
        facts.put("engine_version", PySystemState.version.toString());
        facts.put("jit", true); // Jython compiles Python to JVM bytecode; the JVM's JIT does the rest.
        hostRecord.accept(facts);

        try (PythonInterpreter interp = new PythonInterpreter(null, state)) {
            interp.set("__name__", new PyString("__main__"));
            interp.set("__file__", new PyString(driverPath));
            try {
                interp.execfile(driverPath);
                return 0;
            } catch (PyException e) {
                if (e.match(Py.SystemExit)) {
                    return exitCode(e);
                }
                System.err.println("jython: uncaught " + e);
                return 1;
            } finally {
                interp.getSystemState().stdout.invoke("flush");
            }
        }
    }

    private static int exitCode(PyException e) {
        PyObject value = e.value;
        PyObject code = value == null ? Py.None : value.__findattr__("code");
        if (code == null || code == Py.None) {
            return 0;
        }
        try {
            return code.asInt();
        } catch (PyException notAnInt) {
            System.err.println(code);
            return 1;
        }
    }
}
