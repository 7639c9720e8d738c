package io.gillab.cli;

import org.junit.jupiter.api.Test;

class FidelityCommandTest {

    @Test
    void badSamplesIsAUsageErrorBeforeAnythingRuns() {
        UsageErrors.assertSays("--samples must be at least 1", "fidelity", "--samples", "0");
    }

    @Test
    void badBlocksAndPresetAreUsageErrors() {
        UsageErrors.assertSays("--blocks must be at least 1, got 0", "fidelity", "--blocks", "0");
        UsageErrors.assertSays("--run-preset must be quick, default or rigorous, got 'slow'", "fidelity", "--run-preset", "slow");
    }
}
