package io.gillab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reading results.jsonl makes of lines that are not one finished trial each: a torn line is skipped, a
 * trial written twice counts once (its latest line, in its first place), and anything else is an error that
 * names the line (issue 18, items 4 and 8). Report, merge and --resume all read through here, so they agree.
 */
class ResultLinesTest {
    @TempDir
    Path tmp;

    private static List<String> fixtureLines() throws IOException {
        return Files.readAllLines(ResultsSchemaTest.SCHEMA_ONE).subList(0, 3);
    }

    private Path write(String... lines) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "r");
        Files.writeString(dir.resolve(ResultsFile.NAME), String.join("\n", lines) + "\n");
        return dir;
    }

    @Test
    void aTrialsLatestLineCountsInItsFirstPlace() throws Exception {
        List<String> l = fixtureLines();
        String skipped = ResultsFile.json().readTree(l.get(1)).deepCopy() instanceof com.fasterxml.jackson.databind.node
                .ObjectNode o ? o.put("status", "skipped").put("message", "no such interpreter").toString() : null;
        Path dir = write(l.get(0), skipped, l.get(2), l.get(1));
        List<TrialResult> read = new ResultsFile(dir).read();
        assertEquals(3, read.size());
        TrialResult second = ResultsFile.parse(l.get(1));
        assertEquals(second.trial(), read.get(1).trial(), "in the place of its first line");
        assertEquals(second.status(), read.get(1).status(), "the latest line wins");
        // merge reads the same: one trial, not "in both" the folder and itself
        ResultMerge.Merged m = ResultMerge.merge(List.of(ResultSet.load(dir)), false);
        assertEquals(read.stream().map(TrialResult::trial).toList(), m.results().stream().map(TrialResult::trial).toList());
    }

    @Test
    void aTornLineIsSkippedAndAnythingElseIsNamed() throws IOException {
        List<String> l = fixtureLines();
        assertEquals(2, new ResultsFile(write(l.get(0), l.get(1).substring(0, 60), l.get(2))).read().size());

        IOException garbage = assertThrows(IOException.class,
                () -> new ResultsFile(write(l.get(0), "hello, I edited this", l.get(2))).read());
        assertTrue(garbage.getMessage().contains("results.jsonl line 2 is not a trial result"), garbage.getMessage());

        String future = l.get(2).replaceFirst("\"schema\":1", "\"schema\":7");
        IOException schema = assertThrows(IOException.class, () -> new ResultsFile(write(l.get(0), future)).read());
        assertTrue(schema.getMessage().contains("line 2 is not a trial result: results schema 7; this gillab reads 1 and 2"),
                schema.getMessage());
    }
}
