package io.gillab.cli;

import io.gillab.expect.Check;
import io.gillab.expect.Expectations;
import io.gillab.expect.Matcher;
import io.gillab.expect.Verdict;
import io.gillab.model.TrialResult;
import io.gillab.report.TextTable;
import io.gillab.results.ResultSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gillab cells DIR...}: the expectations table judged on several runs of the same trials (repeats,
 * e.g. by {@code bench/repeat-cells.sh}), cell by cell: every answer each run gave, and the cells whose
 * answer changed between runs. A behaviour cell is a claim about an implementation, so it must give the
 * same answer every time; one that does not is either a probe that does not discriminate or an
 * implementation that is not deterministic there (then the cell must say {@code any}).
 */
@Command(name = "cells", mixinStandardHelpOptions = true,
        description = "Judge the expectations table on several runs (repeats) and name every cell whose answer "
                + "changed between them. Exit code 1 when a cell failed in any run.")
final class CellsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Results directories of repeated runs.")
    List<Path> dirs;

    @Option(names = "--expectations", paramLabel = "FILE",
            description = "Expectations table to judge with (default: gillab's own).")
    Path expectationsFile;

    @Option(names = "--scaling", description = "Also list scaling cells (their figures vary by nature; only a "
            + "changed verdict counts).")
    boolean scaling;

    /**
     * One cell (check x runtime): what it expects, and the verdict of each run, null where the run had no such
     * trial.
     */
    record Cell(Check check, String runtime, Matcher expected, List<Verdict> verdicts) {
        boolean isAny() {
            return expected instanceof Matcher.Any;
        }

        List<String> answers() {
            return verdicts.stream().map(v -> v == null ? "-" : v.observed()).toList();
        }

        boolean answerChanged() {
            return answers().stream().filter(a -> !a.equals("-")).distinct().count() > 1;
        }

        boolean verdictChanged() {
            return verdicts.stream().filter(v -> v != null).map(Verdict::outcome).distinct().count() > 1;
        }

        boolean failedSomewhere() {
            return verdicts.stream().anyMatch(v -> v != null && v.outcome() == Verdict.Outcome.MISMATCH);
        }
    }

    @Override
    public Integer call() throws Exception {
        Expectations table;
        try {
            table = expectationsFile == null ? Expectations.load() : Expectations.load(expectationsFile);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<List<TrialResult>> runs = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                runs.add(ResultSet.load(dir).results());
            } catch (java.io.IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        Map<String, Cell> cells = new TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (TrialResult r : runs.get(i)) {
                for (Check c : table.checks()) {
                    if (!Expectations.applies(c, r) || (c.isScaling() && !scaling)) {
                        continue;
                    }
                    Verdict v = table.judge(c, r);
                    Cell cell = cells.computeIfAbsent(c.name() + "[" + r.runtime() + "]",
                            k -> new Cell(c, r.runtime(), c.expectationFor(r.runtime(), r.implementation()),
                                    new ArrayList<>(java.util.Collections.nCopies(runs.size(), null))));
                    cell.verdicts().set(i, v);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        TextTable t = new TextTable("cell", "expected", "answers, run by run", "state");
        int varied = 0;
        int failed = 0;
        Map<String, String> named = new LinkedHashMap<>();
        for (var e : cells.entrySet()) {
            Cell cell = e.getValue();
            String state;
            if (cell.failedSomewhere()) {
                state = cell.verdictChanged() ? "FLAKY: fails in some runs" : "FAILS in every run";
                failed++;
                named.put(e.getKey(), state);
            } else if (cell.answerChanged()) {
                state = cell.isAny() ? "changed (the cell says any)"
                        : cell.check().isScaling() ? "changed (a scaling figure, within its bound)"
                        : "changed (within what the cell allows)";
                varied++;
                named.put(e.getKey(), state);
            } else {
                state = "stable";
            }
            t.add(e.getKey(), cell.expected().describe(), String.join(" | ", cell.answers()), state);
        }
        out.print(t.render());
        out.printf("%d cells over %d runs: %d gave one answer in every run, %d changed within what their cell "
                + "allows, %d failed in at least one run%n", cells.size(), runs.size(),
                cells.size() - varied - failed, varied, failed);
        named.forEach((k, v) -> out.println("  " + k + ": " + v));
        out.flush();
        return failed > 0 ? ExitCodes.TRIALS_FAILED : ExitCodes.OK;
    }
}
