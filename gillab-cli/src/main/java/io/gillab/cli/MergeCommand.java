package io.gillab.cli;

import io.gillab.model.TrialResult;
import io.gillab.report.ReportPublisher;
import io.gillab.results.ResultMerge;
import io.gillab.results.ResultSet;
import io.gillab.results.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gillab merge DIR... --out DIR}: one results directory, and one set of reports, from several
 * runs — the shards of a CI matrix, or runs on different machines. Each run's metadata is kept.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the results of several runs (CI shards, machines) into --out and write its reports. "
                + "Refuses overlapping trials and differing measurement settings, saying what differs.")
final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Results directories written by 'gillab run'.")
    List<Path> dirs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the merged results and reports go (new or empty).")
    Path out;

    @Option(names = "--allow-mixed", description = "Merge runs whose measurement settings differ (each difference is printed).")
    boolean allowMixed;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out.resolve(ResultsFile.NAME))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--out " + out + " already holds a " + ResultsFile.NAME + "; merge into a new directory");
        }
        List<ResultSet> sets = new ArrayList<>();
        for (Path dir : dirs) {
            if (dir.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--out must not be one of the inputs: " + dir);
            }
            try {
                sets.add(ResultSet.load(dir));
            } catch (java.io.IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        ResultMerge.Merged merged;
        try {
            merged = ResultMerge.merge(sets, allowMixed);
        } catch (ResultMerge.IncompatibleResults e) {
            spec.commandLine().getErr().println("gillab merge: the results cannot be merged as they are:");
            e.getMessage().lines().forEach(l -> spec.commandLine().getErr().println("  " + l));
            return ExitCodes.USAGE;
        }
        var stdout = spec.commandLine().getOut();
        merged.notes().forEach(n -> stdout.println("note: " + n));
        ResultsFile file = new ResultsFile(out);
        for (TrialResult r : merged.results()) {
            file.append(r);
        }
        // Each run keeps its own run-*.json (machine, versions, options, command line).
        for (ResultSet set : sets) {
            for (Path p : ResultSet.runRecords(set.dir())) {
                Files.copy(p, out.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        stdout.println("merged " + merged.results().size() + " trials from " + dirs.size() + " directories ("
                + merged.runs().size() + " runs) -> " + file.path().toAbsolutePath());
        ReportPaths.print(stdout, ReportPublisher.publish(out, merged.results(), merged.runs()));
        stdout.flush();
        return 0;
    }
}
