package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.results.ResultsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gillab cells}: the same recorded run judged twice is stable in every cell; a repeat in which one
 * probe answered differently names that cell, as flaky when the new answer breaks the cell.
 */
class CellsCommandTest {
    @TempDir
    Path tmp;

    /** A copy of the merge fixture's run, with cpython-local's refcount answering {@code value}. */
    Path runWithRefcount(String name, int value) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        StringBuilder lines = new StringBuilder();
        for (String line : Files.readAllLines(MergeCommandTest.FULL.resolve(ResultsFile.NAME))) {
            ObjectNode trial = (ObjectNode) ResultsFile.json().readTree(line);
            if (trial.path("trial").asText().equals("cpython-local/refcount")) {
                ((ObjectNode) trial.get("probe")).put("value", value);
            }
            lines.append(ResultsFile.json().writeValueAsString(trial)).append('\n');
        }
        Files.writeString(dir.resolve(ResultsFile.NAME), lines);
        return dir;
    }

    @Test
    void theSameAnswersAreStable() throws IOException {
        MergeCommandTest.Cli cli = MergeCommandTest.gillab("cells", runWithRefcount("a", 2).toString(),
                runWithRefcount("b", 2).toString());
        assertEquals(0, cli.code(), cli.out() + cli.err());
        assertTrue(cli.out().contains("refcount_fresh_dict[cpython-local]"), cli.out());
        assertTrue(cli.out().contains("0 changed within what their cell allows, 0 failed"), cli.out());
    }

    @Test
    void aCellThatFlipsIsNamed() throws IOException {
        MergeCommandTest.Cli cli = MergeCommandTest.gillab("cells", runWithRefcount("a", 2).toString(),
                runWithRefcount("b", 3).toString(), runWithRefcount("c", 2).toString());
        assertEquals(1, cli.code(), cli.out() + cli.err());
        assertTrue(cli.out().contains("refcount_fresh_dict[cpython-local]: FLAKY: fails in some runs"), cli.out());
        assertTrue(cli.out().contains("2 | 3 | 2"), cli.out());
    }

    @Test
    void aDirectoryWithoutResultsIsAUsageError() {
        MergeCommandTest.Cli cli = MergeCommandTest.gillab("cells", tmp.resolve("nothing").toString());
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("no such directory"), cli.err());
    }
}
