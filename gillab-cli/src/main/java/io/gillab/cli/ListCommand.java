package io.gillab.cli;

import io.gillab.runtime.GillabHome;
import io.gillab.runtime.JythonRuntime;
import io.gillab.trial.Catalogue;
import io.gillab.trial.CatalogueEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gillab list}: the workload and probe catalogue. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List every workload and probe.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--path", paramLabel = "DIR", description = "Extra directory with workload files (repeatable).")
    List<Path> searchPaths = List.of();

    @Option(names = "--allow-shadowing", description = "Let a --path file replace a built-in of the same name.")
    boolean allowShadowing;

    @Override
    public Integer call() throws Exception {
        GillabHome home = GillabHome.locate();
        Catalogue catalogue = Catalogue.load(new JythonRuntime(home), searchPaths, allowShadowing);
        System.out.printf("%-16s %-6s %-10s %s%n", "name", "kind", "size", "description");
        for (CatalogueEntry e : catalogue.entries().values()) {
            System.out.printf("%-16s %-6s %-10s %s%n", e.name(), e.kind(),
                    e.defaultSize() == null ? "-" : e.defaultSize(), e.description());
        }
        for (String p : catalogue.problems()) {
            System.out.println("problem: " + p);
        }
        return catalogue.problems().isEmpty() ? 0 : 2;
    }
}
