package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FidelityCommandTest {

    @Test
    void badSamplesIsAUsageErrorBeforeAnythingRuns() {
        String err = UsageErrors.of("fidelity", "--samples", "0");
        assertTrue(err.contains("--samples must be at least 1"), err);
    }

    @Test
    void badBlocksAndPresetAreUsageErrors() {
        String blocks = UsageErrors.of("fidelity", "--blocks", "0");
        assertTrue(blocks.contains("--blocks must be at least 1, got 0"), blocks);
        String preset = UsageErrors.of("fidelity", "--run-preset", "slow");
        assertTrue(preset.contains("--run-preset must be quick, default or rigorous, got 'slow'"), preset);
    }
}
