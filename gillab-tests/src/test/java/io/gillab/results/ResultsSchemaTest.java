package io.gillab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.Fork;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import io.gillab.stats.TrialAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * results.jsonl: schema 2 keeps every fork with its own metadata and samples, and round-trips; schema-1 lines
 * (the recorded fixtures) read into the same samples, metadata and figures they always gave.
 */
class ResultsSchemaTest {
    static final Path SCHEMA_ONE = Path.of("src/test/resources/fixtures/reports/results.jsonl");

    @TempDir
    Path tmp;

    @Test
    void aSchemaOneLineReadsIntoTheSameFigures() throws IOException {
        int multiFork = 0;
        for (String line : Files.readAllLines(SCHEMA_ONE)) {
            JsonNode raw = ResultsFile.json().readTree(line);
            assertEquals(1, raw.path("schema").asInt(), "the fixture is schema 1");
            TrialResult r = ResultsFile.parse(line);
            String id = raw.path("trial").asText();
            List<Sample> samples = raw.has("samples") ? ResultsFile.json().convertValue(raw.get("samples"),
                    new TypeReference<List<Sample>>() { }) : List.of();

            assertEquals(TrialResult.SCHEMA, r.schema(), id);
            assertEquals(samples, r.samples(), id + ": the same samples, forks included, in order");
            assertEquals(raw.path("forks").asInt(), r.forkCount(), id);
            assertEquals(raw.path("wall_seconds").asDouble(), r.wallSeconds(), 0, id);
            assertEquals(raw.get("implementation"), r.implementation(), id);
            assertEquals(raw.get("host"), r.host(), id);
            assertEquals(raw.get("calibration"), r.calibration(), id);
            assertEquals(raw.path("launch").path("kind").asText(null),
                    r.launch() == null ? null : r.launch().get("kind"), id);
            assertEquals(raw.path("exit_code").isNumber() ? raw.get("exit_code").asInt() : null, r.exitCode(), id);
            List<JsonNode> layouts = new ArrayList<>();
            raw.path("fork_layouts").forEach(layouts::add);
            assertEquals(layouts, r.forkLayouts(), id);
            if (r.forkCount() > 1) {
                multiFork++;
                assertNull(r.forks().get(1).launch(), "schema 1 kept the first fork's metadata only");
            }

            TrialAnalysis before = TrialAnalysis.of(new TrialAnalysis.Input(samples, ints(raw.path("thread_counts")),
                    calibrationSeconds(raw), cores(raw), "weak".equals(raw.path("scaling_mode").asText())));
            TrialAnalysis after = TrialAnalysis.of(r);
            assertEquals(before.summaries(), after.summaries(), id);
            assertEquals(before.scaling(), after.scaling(), id);
            assertEquals(before.timeToSteady(), after.timeToSteady(), id);
        }
        assertTrue(multiFork > 0, "the fixture has trials of several forks");
    }

    @Test
    void aTwoForkTrialKeepsEachForksMetadataAndRoundTrips() throws IOException {
        TrialResult trial = TrialResult.builder().runId("r1").trial("cpython/countdown").runtime("cpython")
                .name("countdown").kind("cpu").threadCounts(List.of(1, 2)).size(1000L).warmups(1).scalingMode("strong")
                .mode("threads").status(TrialResult.Status.failed).message("the second fork failed")
                .startedAt("2026-11-30T10:00:00Z").wallSeconds(3.5)
                .forks(List.of(fork(0, "2026-11-30T10:00:00Z", 101, List.of()),
                        fork(1, "2026-11-30T10:00:02Z", 102, List.of(json("{\"exception\":\"TypeError\"}")))))
                .build();
        ResultsFile file = new ResultsFile(tmp);
        file.append(trial);

        JsonNode line = ResultsFile.json().readTree(Files.readString(file.path()));
        assertEquals(2, line.path("schema").asInt());
        assertEquals(2, line.path("forks").size());
        for (int f = 0; f < 2; f++) {
            JsonNode fork = line.path("forks").get(f);
            assertEquals(f, fork.path("index").asInt());
            assertEquals(trial.forks().get(f).startedAt(), fork.path("started_at").asText());
            assertEquals(101 + f, fork.path("launch").path("pid").asInt(), "each fork's own launch record");
            assertEquals(101 + f, fork.path("host").path("pid").asInt(), "each fork's own host record");
            assertEquals(f, fork.path("errors").size(), "each fork's own errors");
            assertEquals(2, fork.path("samples").size());
            assertFalse(fork.path("samples").get(0).has("fork"), "a sample's fork is the one it sits in");
        }

        TrialResult read = file.read().get(0);
        assertEquals(trial, read);
        assertEquals(List.of(0, 0, 1, 1), read.samples().stream().map(Sample::fork).toList());
        assertEquals(102, read.decidingFork().launch().get("pid"), "the failed fork decided the status");
    }

    /** --resume appends today's lines to an old run's file: a file of both schemas reads whole. */
    @Test
    void aFileOfBothSchemasReadsWhole() throws IOException {
        ResultsFile file = new ResultsFile(tmp);
        Files.writeString(file.path(), Files.readAllLines(SCHEMA_ONE).get(0) + "\n");
        TrialResult old = file.read().get(0);
        TrialResult resumed = old.toBuilder().trial("jython/resumed").build();
        file.append(resumed);
        assertEquals(List.of(old, resumed), file.read());
    }

    private static Fork fork(int index, String startedAt, int pid, List<JsonNode> errors) {
        return Fork.builder().index(index).startedAt(startedAt).wallSeconds(1.75).exitCode(errors.isEmpty() ? 0 : 1)
                .launch(Map.of("kind", "process", "pid", pid)).host(json("{\"pid\":" + pid + "}"))
                .implementation(json("{\"cpu_count\":2}")).errors(errors)
                .samples(List.of(new Sample(0, false, 0.1, 1, 1000, 0.1, null, 0),
                        new Sample(1, false, 0.1, 2, 1000, 0.2, null, 0)))
                .build();
    }

    private static JsonNode json(String s) {
        try {
            return ResultsFile.json().readTree(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    /** As schema-1 gillab computed it: the calibration runs' seconds. */
    private static double calibrationSeconds(JsonNode raw) {
        double s = 0;
        for (JsonNode run : raw.path("calibration").path("runs")) {
            s += run.path(1).asDouble(0);
        }
        return s;
    }

    /** As schema-1 gillab computed it: cpu_count, capped by a container's CPU limit. */
    private static int cores(JsonNode raw) {
        int cores = raw.path("implementation").path("cpu_count").asInt(0);
        JsonNode cpus = raw.path("launch").path("cpus");
        if (cpus.isNumber()) {
            int limit = (int) Math.floor(cpus.asDouble());
            cores = cores == 0 ? limit : Math.min(cores, limit);
        }
        return cores;
    }
}
