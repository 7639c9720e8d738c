package io.gillab.trial;

import io.gillab.driver.DriverOutput;
import io.gillab.runtime.DriverCall;
import io.gillab.runtime.ProcessOutput;
import io.gillab.runtime.PythonRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every workload and probe the driver can load, read by running {@code driver.py list} before any trial
 * starts; a file that breaks the workload contract is reported here, naming the file. Each file is imported
 * in turn after a "loading" record that names it, so a file that ends the listing process at import
 * ({@code os._exit}, a crash) or hangs there (the driver's import limit) is named with its reason, and the
 * listing runs again without it: one bad file never takes the rest of the catalogue down.
 */
public final class Catalogue {
    /** Listing processes at most: each rerun leaves out one more file that ended the last one. */
    static final int MAX_LISTINGS = 10;
    private final Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    public static Catalogue load(PythonRuntime lister, List<Path> searchPaths) throws IOException {
        return load(lister, searchPaths, false);
    }

    /** @param allowShadowing whether a {@code --path} file may replace a built-in of the same name */
    public static Catalogue load(PythonRuntime lister, List<Path> searchPaths, boolean allowShadowing)
            throws IOException {
        Catalogue c = new Catalogue();
        List<String> skip = new ArrayList<>();
        for (int listing = 1; listing <= MAX_LISTINGS; listing++) {
            List<String> args = new ArrayList<>(List.of("list"));
            skip.forEach(f -> args.addAll(List.of("--skip", f)));
            if (allowShadowing) {
                args.add("--allow-shadowing");
            }
            ProcessOutput out = lister.run(new DriverCall(args, searchPaths), Duration.ofSeconds(120));
            DriverOutput parsed = DriverOutput.parse(out.stdoutLines());
            Set<String> answered = new HashSet<>();
            for (var rec : parsed.catalogue()) {
                CatalogueEntry e = CatalogueEntry.fromRecord(rec);
                c.entries.putIfAbsent(e.name(), e);
                answered.add(e.file());
            }
            for (var err : parsed.errors()) {
                String problem = DriverOutput.describeError(err);
                if (!c.problems.contains(problem)) {
                    c.problems.add(problem);
                }
                answered.add(err.path("file").asText());
            }
            String culprit = parsed.loading().isEmpty() ? null
                    : parsed.loading().get(parsed.loading().size() - 1).path("file").asText();
            if (culprit == null || answered.contains(culprit)) {
                if (culprit != null && !parsed.finished() && out.exitCode() == 3) {
                    skip.add(culprit); // the driver's import limit named it and ended the process
                    continue;
                }
                break; // every import that started was answered: the listing is complete
            }
            c.problems.add(culprit + ": " + (out.timedOut() ? "the listing process did not finish within 120 s"
                    : "ended the listing process while it was being imported (exit code " + out.exitCode() + ")")
                    + "; listed the rest without it");
            skip.add(culprit);
        }
        if (c.entries.isEmpty() && c.problems.isEmpty()) {
            c.problems.add("the driver listed no workloads on " + lister.id() + ": nothing found");
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
