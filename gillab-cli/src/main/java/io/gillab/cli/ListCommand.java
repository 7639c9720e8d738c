package io.gillab.cli;

import io.gillab.runtime.GillabHome;
import io.gillab.runtime.JythonRuntime;
import io.gillab.trial.Catalogue;
import io.gillab.trial.CatalogueEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gillab list}: the workload and probe catalogue, grouped (benchmarks, scaling patterns, behaviour
 * probes, GIL semantics, then any other group a file names), each entry with where it comes from.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List every workload and probe, by group.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--path", paramLabel = "DIR", description = "Extra directory with workload files (repeatable).")
    List<Path> searchPaths = List.of();

    @Option(names = "--allow-shadowing", description = "Let a --path file replace a built-in of the same name.")
    boolean allowShadowing;

    @Override
    public Integer call() throws Exception {
        GillabHome home = GillabHome.locate();
        Catalogue catalogue = Catalogue.load(new JythonRuntime(home), searchPaths, allowShadowing);
        System.out.print(render(catalogue.entries().values(), catalogue.problems()));
        return catalogue.problems().isEmpty() ? 0 : 2;
    }

    /** The heading of a group: "benchmarks", "scaling patterns", "behaviour probes"; others as named. */
    static String heading(String group) {
        return CatalogueEntry.GROUPS.contains(group) && !group.endsWith("s") ? group + "s" : group;
    }

    /** The entries in groups (known groups in their order, then others as first seen), then the problems. */
    static String render(Collection<CatalogueEntry> entries, List<String> problems) {
        Map<String, List<CatalogueEntry>> groups = new LinkedHashMap<>();
        CatalogueEntry.GROUPS.forEach(g -> groups.put(g, new ArrayList<>()));
        entries.forEach(e -> groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<CatalogueEntry>> g : groups.entrySet()) {
            if (g.getValue().isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(heading(g.getKey())).append(" (").append(g.getValue().size()).append(")\n");
            out.append(String.format("  %-24s %-6s %-10s %-9s %s%n", "name", "kind", "size", "threads", "description"));
            for (CatalogueEntry e : g.getValue()) {
                String threads = e.threads() == null ? "-"
                        : String.join(",", e.threads().stream().map(String::valueOf).toList());
                out.append(String.format("  %-24s %-6s %-10s %-9s %s%n", e.name(), e.kind(),
                        e.defaultSize() == null ? "-" : e.defaultSize(), threads, e.description()));
                out.append(String.format("  %-24s from: %s%n", "", e.origin()));
            }
        }
        for (String p : problems) {
            out.append("problem: ").append(p).append('\n');
        }
        return out.toString();
    }
}
