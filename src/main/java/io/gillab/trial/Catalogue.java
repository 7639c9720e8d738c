package io.gillab.trial;

import io.gillab.driver.DriverOutput;
import io.gillab.runtime.DriverCall;
import io.gillab.runtime.ProcessOutput;
import io.gillab.runtime.PythonRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every workload and probe the driver can load, read by running {@code driver.py list} once before any
 * trial starts; a file that breaks the workload contract is reported here, naming the file.
 */
public final class Catalogue {
    private final Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    public static Catalogue load(PythonRuntime lister, List<Path> searchPaths) throws IOException {
        ProcessOutput out = lister.run(new DriverCall(List.of("list"), searchPaths), Duration.ofSeconds(120));
        DriverOutput parsed = DriverOutput.parse(out.stdoutLines());
        Catalogue c = new Catalogue();
        for (var rec : parsed.catalogue()) {
            CatalogueEntry e = CatalogueEntry.fromRecord(rec);
            c.entries.putIfAbsent(e.name(), e);
        }
        for (var err : parsed.errors()) {
            c.problems.add(DriverOutput.describeError(err));
        }
        if (c.entries.isEmpty() && c.problems.isEmpty()) {
            c.problems.add("the driver listed no workloads on " + lister.id() + " (exit " + out.exitCode() + "): "
                    + out.stderrTail().strip());
        }
        return c;
    }

    public Map<String, CatalogueEntry> entries() {
        return entries;
    }

    /** Contract violations and load errors, each naming the file. */
    public List<String> problems() {
        return problems;
    }

    public CatalogueEntry require(String name) {
        CatalogueEntry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown workload or probe '" + name + "'; valid names: "
                    + String.join(", ", entries.keySet()));
        }
        return e;
    }

    /** Built-in entries (those shipped in python-scripts), the default selection of a run. */
    public List<String> builtInNames(Path scriptsDir) {
        String prefix = scriptsDir.toAbsolutePath().normalize().toString();
        return entries.values().stream()
                .filter(e -> Path.of(e.file()).toAbsolutePath().normalize().toString().startsWith(prefix))
                .map(CatalogueEntry::name).toList();
    }
}
