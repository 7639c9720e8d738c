package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ThreadCountsTest {

    @Test
    void listsAndRanges() {
        assertEquals(List.of(1, 2, 4), ThreadCounts.parse("4,1,2,2"));
        assertEquals(List.of(1, 2, 3, 4, 8), ThreadCounts.parse("1..4,8"));
    }

    @Test
    void rejectsNonsense() {
        for (String bad : List.of("0", "-1", "two", "1..", "3..1", "1,,2", "")) {
            assertThrows(CommandLine.TypeConversionException.class, () -> ThreadCounts.parse(bad), bad);
        }
    }

    @Test
    void malformedThreadsFlagIsAClearUsageError() {
        String err = UsageErrors.of("run", "--threads", "1,zwei");
        assertTrue(err.contains("'1,zwei' is not a thread count list"), err);
    }

    @Test
    void unknownRuntimeNamesTheValidChoices() {
        String err = UsageErrors.of("run", "--runtimes", "ironpython", "--out", System.getProperty("java.io.tmpdir")
                + "/gillab-unknown-runtime");
        assertTrue(err.contains("unknown runtime 'ironpython'; valid runtimes: jython, graalpy"), err);
    }
}
