package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --target-ci} and its limits: bad values are usage errors that name the option. */
class TargetCiOptionTest {

    @Test
    void badTargetsAreUsageErrors() {
        String word = UsageErrors.of("run", "--target-ci", "narrow");
        assertTrue(word.contains("--target-ci must be a percentage such as 5%") && word.contains("'narrow'"), word);
        String whole = UsageErrors.of("run", "--target-ci", "150%");
        assertTrue(whole.contains("--target-ci: the target half-width must be between 0 and 100%"), whole);
        String oneFork = UsageErrors.of("run", "--target-ci", "5%", "--max-forks", "1");
        assertTrue(oneFork.contains("needs at least 2 forks"), oneFork);
        String fewRounds = UsageErrors.of("run", "--target-ci", "5%", "--samples", "8", "--max-samples", "4");
        assertTrue(fewRounds.contains("--max-samples (4) is below --samples (8)"), fewRounds);
    }
}
