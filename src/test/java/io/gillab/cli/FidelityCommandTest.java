package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityCommandTest {

    @Test
    void parsesTheDirectScriptsOutput() {
        var d = FidelityCommand.DirectRun.parse(List.of("interpreter /usr/bin/python3 3.11.7", "warmup 0.29",
                "warmup 0.28", "sample 0.2012", "sample 0.19875", "noise", "sample oops"));
        assertEquals("/usr/bin/python3 3.11.7", d.interpreter());
        assertEquals(List.of(0.29, 0.28), d.warmups());
        assertEquals(List.of(0.2012, 0.19875), d.samples());
    }

    @Test
    void target() {
        assertTrue(FidelityCommand.withinTarget(1.0));
        assertTrue(FidelityCommand.withinTarget(1.019));
        assertTrue(FidelityCommand.withinTarget(0.985));
        assertFalse(FidelityCommand.withinTarget(1.03));
        assertFalse(FidelityCommand.withinTarget(0.97));
    }

    @Test
    void badSamplesIsAUsageErrorBeforeAnythingRuns() {
        String err = UsageErrors.of("fidelity", "--samples", "0");
        assertTrue(err.contains("--samples must be at least 1"), err);
    }
}
