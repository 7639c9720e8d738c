package io.gillab.results;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.model.TrialResult;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.jsonl}: one trial per line, appended as each trial ends. Each line is written whole,
 * flushed and synced, so a crash never loses or corrupts a finished trial; a torn last line (a crash
 * mid-write) is skipped when reading. Lines are schema {@value TrialResult#SCHEMA} ({@link TrialResult}, written
 * and read by Jackson); schema-1 lines of older runs are still read.
 */
public final class ResultsFile {
    public static final String NAME = "results.jsonl";

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path path;

    public ResultsFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.path = dir.resolve(NAME);
    }

    public Path path() {
        return path;
    }

    public synchronized void append(TrialResult result) throws IOException {
        // After a crash mid-write the file may end in a torn line: close it, so that it stays one bad
        // line (skipped on reading) instead of swallowing this record.
        String prefix = endsWithTornLine() ? "\n" : "";
        byte[] line = (prefix + JSON.writeValueAsString(result) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileOutputStream out = new FileOutputStream(path.toFile(), true)) {
            out.write(line);
            out.flush();
            out.getFD().sync();
        }
    }

    private boolean endsWithTornLine() throws IOException {
        if (!Files.exists(path) || Files.size(path) == 0) {
            return false;
        }
        try (var ch = java.nio.channels.FileChannel.open(path)) {
            var last = java.nio.ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            return last.get(0) != '\n';
        }
    }

    /**
     * Every trial in the file, one per trial id: when a trial has several lines (a trial skipped, then run by
     * {@code --resume}) the latest line is the trial's, in the place of its first. A torn line (a write cut
     * short by a crash: its JSON ends early) is skipped, it was no finished trial; any other line that does
     * not parse, or one of a schema this gillab does not read, is an error naming the line, not a trial
     * silently dropped (and run again by a resume).
     */
    public List<TrialResult> read() throws IOException {
        List<TrialResult> out = new ArrayList<>();
        if (!Files.exists(path)) {
            return out;
        }
        java.util.Map<String, Integer> placeOf = new java.util.HashMap<>();
        // Decoded leniently: a line torn inside a multi-byte character is one bad line, not a failed read.
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            TrialResult r;
            try {
                r = parse(lines[i]);
            } catch (com.fasterxml.jackson.core.io.JsonEOFException torn) {
                continue;
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(path + " line " + (i + 1) + " is not a trial result: " + firstLine(e)
                        + " (fix or remove the line; nothing else in the file is affected)", e);
            }
            Integer at = placeOf.putIfAbsent(r.trial(), out.size());
            if (at == null) {
                out.add(r);
            } else {
                out.set(at, r);
            }
        }
        return out;
    }

    private static String firstLine(Exception e) {
        String m = e instanceof com.fasterxml.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** One line of either schema, as today's model: schema-1 lines are converted (see {@link SchemaOne}). */
    static TrialResult parse(String line) throws IOException {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject()) {
            throw new JsonParseException(null, "not a JSON object: " + line);
        }
        int schema = node.path("schema").asInt(-1);
        if (schema != SchemaOne.SCHEMA && schema != TrialResult.SCHEMA) {
            throw new JsonParseException(null, "results schema " + node.path("schema") + "; this gillab reads "
                    + SchemaOne.SCHEMA + " and " + TrialResult.SCHEMA);
        }
        return schema == SchemaOne.SCHEMA ? SchemaOne.read((ObjectNode) node, JSON)
                : JSON.treeToValue(node, TrialResult.class);
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
