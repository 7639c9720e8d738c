package io.gillab.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One invocation of {@code python-scripts/driver.py}: its arguments (e.g. {@code run countdown
 * --threads 2}), extra directories to search for workloads, and environment variables to add to its
 * process (a fork's randomised layout: see {@code io.gillab.trial.ForkLayout}). Each runtime maps the paths
 * to where it sees them (a container gets copies) and puts the variables in the environment of the process
 * it starts: the interpreter, the worker JVM, or the container.
 */
public record DriverCall(List<String> args, List<Path> searchPaths, Map<String, String> env) {

    public DriverCall {
        args = List.copyOf(args);
        searchPaths = List.copyOf(searchPaths);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public DriverCall(List<String> args, List<Path> searchPaths) {
        this(args, searchPaths, Map.of());
    }

    /** {@code base} plus this call's variables (which win). */
    public Map<String, String> envWith(Map<String, String> base) {
        Map<String, String> all = new java.util.LinkedHashMap<>(base);
        all.putAll(env);
        return all;
    }

    /** The driver's argument list with {@code --path} options for the given (possibly mapped) paths. */
    public List<String> argsWithPaths(List<String> mappedPaths) {
        List<String> all = new ArrayList<>(args);
        for (String p : mappedPaths) {
            all.add("--path");
            all.add(p);
        }
        return all;
    }

    public List<String> argsWithLocalPaths() {
        return argsWithPaths(searchPaths.stream().map(p -> p.toAbsolutePath().toString()).toList());
    }
}
