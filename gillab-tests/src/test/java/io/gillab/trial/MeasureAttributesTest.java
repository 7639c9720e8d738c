package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.runtime.PythonRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ROUNDS and INTERPRETER_WARMUPS (how many measured and warm-up rounds a workload needs): listed when right,
 * named when wrong.
 */
class MeasureAttributesTest {
    private static final String HEAD = "KIND = 'mixed'\nDESCRIPTION = 'd'\nPREDICTION = 'p'\nDEFAULT_SIZE = 10\n";

    @Test
    void wellFormedOnesAreListedAndBadOnesNamed() throws IOException {
        PythonRuntime lister = RunFixture.runtime("cpython-local");
        assumeTrue(lister.availability().available(), () -> lister.availability().reason());
        Path dir = Files.createTempDirectory("gillab-rounds-");
        Files.writeString(dir.resolve("fine_rounds.py"), HEAD + "ROUNDS = 2\n"
                + "def measure(size, threads):\n    return {'seconds': 0.0}\n");
        Files.writeString(dir.resolve("zero_rounds.py"), HEAD + "ROUNDS = 0\n"
                + "def measure(size, threads):\n    return {'seconds': 0.0}\n");
        Files.writeString(dir.resolve("text_rounds.py"), HEAD + "ROUNDS = '3'\ndef run(size):\n    return 0\n");
        Files.writeString(dir.resolve("fine_warmups.py"), HEAD + "INTERPRETER_WARMUPS = 0\ndef run(size):\n    return 0\n");
        Files.writeString(dir.resolve("minus_warmups.py"), HEAD + "INTERPRETER_WARMUPS = -1\n"
                + "def run(size):\n    return 0\n");
        Files.writeString(dir.resolve("bool_warmups.py"), HEAD + "INTERPRETER_WARMUPS = True\n"
                + "def run(size):\n    return 0\n");
        Catalogue c = Catalogue.load(lister, List.of(dir));
        String problems = String.join("\n", c.problems());
        assertEquals(2, c.entries().get("fine_rounds").rounds(), problems);
        assertEquals(null, c.entries().get("countdown").rounds(), "a workload without ROUNDS");
        assertEquals(3, c.entries().get("convoy").rounds(), "the convoy's own");
        assertEquals(0, c.entries().get("fine_warmups").interpreterWarmups(), problems);
        assertEquals(null, c.entries().get("countdown").interpreterWarmups(), "a workload without it");
        assertEquals(1, c.entries().get("convoy").interpreterWarmups(), "the convoy's own");
        for (String name : List.of("zero_rounds", "text_rounds", "minus_warmups", "bool_warmups")) {
            assertFalse(c.entries().containsKey(name), name + " is broken: " + problems);
        }
        assertTrue(problems.contains("ROUNDS must be an int >= 1, got int 0"), problems);
        assertTrue(problems.contains("ROUNDS must be an int >= 1, got str '3'"), problems);
        assertTrue(problems.contains("INTERPRETER_WARMUPS must be an int >= 0, got int -1"), problems);
        assertTrue(problems.contains("INTERPRETER_WARMUPS must be an int >= 0, got bool True"), problems);
    }
}
