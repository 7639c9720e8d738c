package io.gillab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.TrialResult;
import io.gillab.report.TextTable;
import io.gillab.results.ResultSet;
import io.gillab.results.ResultsFile;
import io.gillab.trial.RunCost;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gillab cost DIR}: where a finished run's time went, per runtime (see {@link RunCost}). The run's wall
 * time is the one {@code gillab run} recorded in run-*.json; for a run written before gillab recorded it, the
 * time from the run's start to the end of its last trial (reports not included), or {@code --wall}.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Split a finished run's wall time per runtime into measured samples, warm-up, calibration, "
                + "JIT wait, start-up and the rest, with the run's efficiency (measured / wall).")
final class CostCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A results directory written by 'gillab run'.")
    Path dir;

    @Option(names = "--wall", paramLabel = "SECONDS", description = "The run's wall time, measured outside gillab.")
    Double wall;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the split as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        ResultSet set;
        try {
            set = ResultSet.load(dir);
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (wall != null && !(wall > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--wall must be a positive number of seconds");
        }
        PrintWriter out = spec.commandLine().getOut();
        double runWall;
        String source;
        JsonNode recorded = set.runs().isEmpty() ? null : set.runs().get(set.runs().size() - 1).path("cost");
        if (wall != null) {
            runWall = wall;
            source = "given with --wall";
        } else if (recorded != null && recorded.has("run_wall_seconds")) {
            runWall = recorded.get("run_wall_seconds").asDouble();
            source = "recorded by gillab run";
        } else {
            runWall = estimatedWall(set);
            source = "estimated: run start to the end of its last trial, reports not included";
        }
        RunCost cost = RunCost.of(set.results(), runWall);
        TextTable t = new TextTable(RunCost.HEADER);
        cost.rows().forEach(t::add);
        out.print(t.render());
        out.println(cost.footer() + " (run wall " + source + ")");
        out.println(cost.summaryLine());
        if (json != null) {
            Files.writeString(json, ResultsFile.json().writerWithDefaultPrettyPrinter().writeValueAsString(cost.toJson()));
            out.println("json: " + json.toAbsolutePath());
        }
        out.flush();
        return 0;
    }

    private static double estimatedWall(ResultSet set) {
        Instant start = null;
        for (JsonNode run : set.runs()) {
            Instant s = Instant.parse(run.path("started_at").asText());
            start = start == null || s.isBefore(start) ? s : start;
        }
        Instant end = null;
        for (TrialResult r : set.results()) {
            if (r.startedAt() != null && r.wallSeconds() != null) {
                Instant e = Instant.parse(r.startedAt()).plus(Duration.ofNanos((long) (r.wallSeconds() * 1e9)));
                end = end == null || e.isAfter(end) ? e : end;
            }
        }
        return start == null || end == null ? 0 : Duration.between(start, end).toNanos() / 1e9;
    }
}
