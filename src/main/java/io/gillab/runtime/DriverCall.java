package io.gillab.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One invocation of {@code python-scripts/driver.py}: its arguments (e.g. {@code run countdown
 * --threads 2}) and extra directories to search for workloads. Each runtime maps the paths to where
 * it sees them (a container gets copies).
 */
public record DriverCall(List<String> args, List<Path> searchPaths) {

    public DriverCall {
        args = List.copyOf(args);
        searchPaths = List.copyOf(searchPaths);
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
