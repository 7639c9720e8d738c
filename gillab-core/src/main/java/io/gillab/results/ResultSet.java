package io.gillab.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The saved results of one run directory: its trials (results.jsonl) and the metadata of each
 * {@code ./gillab run} that wrote into it (run-*.json: the first run, then one per resume or shard).
 *
 * @param dir     where they were read from
 * @param results every complete trial, in file order
 * @param runs    each run-*.json, in name (= start time) order
 */
public record ResultSet(Path dir, List<TrialResult> results, List<JsonNode> runs) {

    /** Reads a run directory; says what is missing rather than returning an empty set. */
    public static ResultSet load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no such directory: " + dir);
        }
        if (!Files.exists(dir.resolve(ResultsFile.NAME))) {
            throw new IOException(dir + " holds no " + ResultsFile.NAME + ": not a gillab results directory");
        }
        List<TrialResult> results = new ResultsFile(dir).read();
        List<JsonNode> runs = new ArrayList<>();
        for (Path p : runRecords(dir)) {
            runs.add(ResultsFile.json().readTree(p.toFile()));
        }
        return new ResultSet(dir, results, runs);
    }

    /** Whether a file is a run's record, {@code run-<id>.json}: one per run that wrote into a results directory. */
    public static boolean isRunRecord(Path file) {
        return file.getFileName().toString().matches("run-.*\\.json");
    }

    /** The run records in {@code dir}, oldest first (a run id starts with the run's UTC date-time). */
    public static List<Path> runRecords(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(ResultSet::isRunRecord).sorted().toList();
        }
    }
}
