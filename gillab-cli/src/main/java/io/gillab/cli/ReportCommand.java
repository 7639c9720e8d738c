package io.gillab.cli;

import io.gillab.report.ReportPublisher;
import io.gillab.results.ResultSet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gillab report DIR...}: regenerates each directory's reports from its saved results. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate report.html, report.md, results.csv, the pyperf exports and analysis.json of each "
                + "DIR from its results.jsonl and run-*.json (nothing is measured).")
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Results directories written by 'gillab run'.")
    List<Path> dirs;

    @Override
    public Integer call() throws Exception {
        for (Path dir : dirs) {
            ResultSet set;
            try {
                set = ResultSet.load(dir);
            } catch (java.io.IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            var out = spec.commandLine().getOut();
            out.println(dir + ": " + set.results().size() + " trials from " + set.runs().size() + " run(s)");
            ReportPaths.print(out, ReportPublisher.publish(dir, set.results(), set.runs()));
            out.flush();
        }
        return 0;
    }
}
