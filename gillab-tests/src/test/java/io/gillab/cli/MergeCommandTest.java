package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.model.TrialResult;
import io.gillab.results.ResultSet;
import io.gillab.results.ResultsFile;
import io.gillab.trial.Shard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gillab merge}: shards of one run merge back into that run's trials and reports; results
 * that must not be mixed are refused with what differs. The fixture is a real quick run (Jython and
 * local CPython: countdown, sleep, refcount, races).
 */
class MergeCommandTest {
    static final Path FULL = Path.of("src/test/resources/fixtures/merge/full");

    @TempDir
    Path tmp;

    record Cli(int code, String out, String err) {
    }

    static Cli gillab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = GillabCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Writes what {@code --shard i/n} of the fixture's run would have written. */
    Path shardOfFixture(int i, int n) throws IOException {
        ResultSet full = ResultSet.load(FULL);
        Path dir = tmp.resolve("shard-" + i);
        ResultsFile file = new ResultsFile(dir);
        for (TrialResult r : new Shard(i, n).select(full.results())) {
            file.append(r);
        }
        ObjectNode run = full.runs().get(0).deepCopy();
        ((ObjectNode) run.path("options")).put("shard", i + "/" + n);
        run.put("run_id", run.path("run_id").asText() + "-shard" + i);
        Files.writeString(dir.resolve("run-" + run.path("run_id").asText() + ".json"), run.toPrettyString());
        return dir;
    }

    Path copyOfFixture() throws IOException {
        Path dir = tmp.resolve("full");
        Files.createDirectories(dir);
        try (var files = Files.list(FULL)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void shardsMergeIntoTheSameTrialsAndReportAsTheWholeRun() throws IOException {
        Path merged = tmp.resolve("merged");
        Cli m = gillab("merge", shardOfFixture(1, 2).toString(), shardOfFixture(2, 2).toString(), "--out",
                merged.toString());
        assertEquals(0, m.code(), m.err());
        Path full = copyOfFixture();
        Cli r = gillab("report", full.toString());
        assertEquals(0, r.code(), r.err());

        List<String> fullIds = ResultSet.load(full).results().stream().map(TrialResult::trial).toList();
        List<String> mergedIds = ResultSet.load(merged).results().stream().map(TrialResult::trial).toList();
        assertEquals(fullIds, mergedIds, "the merged trials, in matrix order");
        assertEquals(Files.readString(full.resolve("results.csv")), Files.readString(merged.resolve("results.csv")),
                "results.csv of the merged shards and of the whole run");
        assertEquals(2, ResultSet.load(merged).runs().size(), "each shard's run-*.json is kept");
        assertTrue(m.out().contains("report.html:") && m.out().contains("report.md:")
                && m.out().contains("results.csv:"), m.out());
        for (String f : List.of("report.html", "report.md", "results.csv")) {
            assertTrue(Files.size(merged.resolve(f)) > 0, f + " written");
        }
    }

    @Test
    void twoRealShardRunsMergeIntoTheWholeMatrix() throws IOException {
        List<String> names = List.of("refcount", "sleep", "runtime_facts", "races");
        for (int i = 1; i <= 2; i++) {
            Cli run = gillab("run", "--runtimes", "cpython-local", "--workloads", String.join(",", names), "--quick",
                    "--min-time", "0.05", "--shard", i + "/2", "--out", tmp.resolve("s" + i).toString());
            assertEquals(0, run.code(), run.err());
        }
        assertEquals(2, ResultSet.load(tmp.resolve("s1")).results().size(), "shard 1/2 ran half the matrix");
        Cli m = gillab("merge", tmp.resolve("s1").toString(), tmp.resolve("s2").toString(), "--out",
                tmp.resolve("m").toString());
        assertEquals(0, m.code(), m.err());
        assertEquals(names.stream().map(n -> "cpython-local/" + n).toList(),
                ResultSet.load(tmp.resolve("m")).results().stream().map(TrialResult::trial).toList(),
                "every trial of the matrix once, in matrix order");
    }

    @Test
    void refusesTheSameTrialTwice() throws IOException {
        Cli m = gillab("merge", copyOfFixture().toString(), shardOfFixture(1, 2).toString(), "--out",
                tmp.resolve("m").toString());
        assertEquals(2, m.code());
        assertTrue(m.err().contains("is in both"), m.err());
        assertTrue(!Files.exists(tmp.resolve("m/results.jsonl")), "nothing written on a refused merge");
    }

    @Test
    void refusesDifferentMeasurementSettingsAndSaysWhatDiffers() throws IOException {
        Path a = shardOfFixture(1, 2);
        Path b = shardOfFixture(2, 2);
        Path runFile;
        try (var files = Files.list(b)) {
            runFile = files.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
        ObjectNode run = (ObjectNode) ResultsFile.json().readTree(runFile.toFile());
        ((ObjectNode) run.path("options").path("measurement")).put("name", "rigorous");
        Files.writeString(runFile, run.toPrettyString());

        Cli refused = gillab("merge", a.toString(), b.toString(), "--out", tmp.resolve("m").toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("measurement differs") && refused.err().contains("rigorous"), refused.err());

        Cli allowed = gillab("merge", a.toString(), b.toString(), "--out", tmp.resolve("m2").toString(), "--allow-mixed");
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(allowed.out().contains("mixed on request: measurement differs"), allowed.out());
    }

    /** The fixture is schema 1; a shard written today is schema 2: both read into one model and merge. */
    @Test
    void aSchemaOneShardMergesWithASchemaTwoShard() throws IOException {
        Path schemaTwo = shardOfFixture(1, 2);
        Path schemaOne = shardOfFixture(2, 2);
        List<String> trials = ResultSet.load(schemaOne).results().stream().map(TrialResult::trial).toList();
        List<String> oldLines = new ArrayList<>();
        for (String line : Files.readAllLines(FULL.resolve(ResultsFile.NAME))) {
            if (trials.contains(ResultsFile.json().readTree(line).path("trial").asText())) {
                oldLines.add(line);
            }
        }
        Files.write(schemaOne.resolve(ResultsFile.NAME), oldLines);
        assertTrue(Files.readString(schemaTwo.resolve(ResultsFile.NAME)).startsWith("{\"schema\":2,"));
        assertTrue(Files.readString(schemaOne.resolve(ResultsFile.NAME)).startsWith("{\"schema\":1,"));

        Path merged = tmp.resolve("merged");
        Cli m = gillab("merge", schemaTwo.toString(), schemaOne.toString(), "--out", merged.toString());
        assertEquals(0, m.code(), m.err());
        Path full = copyOfFixture();
        assertEquals(0, gillab("report", full.toString()).code());
        assertEquals(Files.readString(full.resolve("results.csv")), Files.readString(merged.resolve("results.csv")));
        assertTrue(ResultSet.load(merged).results().stream().allMatch(r -> r.schema() == TrialResult.SCHEMA),
                "merged results are written in today's schema");
    }

    @Test
    void reportOnADirectoryWithoutResultsSaysSo() {
        Cli r = gillab("report", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds no results.jsonl"), r.err());
    }
}
