package io.gillab.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the names users type ({@code --runtimes jython,cpython}) into runtimes. */
public final class RuntimeRegistry {
    /** What {@code ./gillab run} compares when no {@code --runtimes} is given. */
    public static final List<String> DEFAULT_IDS = List.of("jython", "graalpy", "cpython");

    private final GillabHome home;
    private final String localPython;

    public RuntimeRegistry(GillabHome home, String localPython) {
        this.home = home;
        this.localPython = localPython == null ? "python3" : localPython;
    }

    /** Every name this registry understands, with a one-line description, for usage errors and help. */
    public Map<String, String> choices() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jython", "Jython 2.7 embedded in a worker JVM (no GIL)");
        c.put("graalpy", "GraalPy embedded in a worker JVM, with the Graal JIT");
        c.put("graalpy-nojit", "GraalPy embedded in a worker JVM, interpreter only");
        c.put("cpython", "CPython as a local process (" + localPython + ")");
        return c;
    }

    public PythonRuntime resolve(String id) {
        return switch (id) {
            case "jython" -> new JythonRuntime(home);
            case "graalpy" -> new GraalPyRuntime(home, true);
            case "graalpy-nojit" -> new GraalPyRuntime(home, false);
            case "cpython" -> new LocalPythonRuntime("cpython", localPython, "CPython", home);
            default -> throw new IllegalArgumentException(
                    "unknown runtime '" + id + "'; valid runtimes: " + String.join(", ", choices().keySet()));
        };
    }

    public List<PythonRuntime> resolveAll(List<String> ids) {
        List<PythonRuntime> out = new ArrayList<>();
        for (String id : ids) {
            out.add(resolve(id.strip()));
        }
        return out;
    }
}
