package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.TrialResult;
import io.gillab.results.ResultsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run cut short (here: results.jsonl holding the first trials and a torn last line, as a crash
 * mid-write leaves it) and resumed ends with the same trials as an uninterrupted run, running only
 * the missing ones.
 */
class ResumeTest {

    @Test
    void resumeRunsOnlyWhatIsMissingAndIgnoresATornLine() throws IOException {
        assumeTrue(RunFixture.availability("cpython-local").available(),
                () -> RunFixture.availability("cpython-local").reason());
        List<String> names = List.of("refcount", "runtime_facts", "finalization");
        RunOptions full = RunFixture.options(List.of("cpython-local"), names, List.of(1), 1, 0.01, Duration.ofMinutes(2));
        Run.Outcome complete = RunFixture.run(full);
        List<String> expected = complete.results().stream().map(TrialResult::trial).toList();
        assertEquals(3, expected.size());

        // The interrupted run: its record, its first trial, and half of the second line.
        Path cut = Files.createTempDirectory("gillab-resume-");
        try (var files = Files.list(full.outDir())) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("run-")).toList()) {
                Files.copy(p, cut.resolve(p.getFileName()));
            }
        }
        List<String> lines = Files.readAllLines(full.outDir().resolve(ResultsFile.NAME), StandardCharsets.UTF_8);
        Files.writeString(cut.resolve(ResultsFile.NAME), lines.get(0) + "\n" + lines.get(1).substring(0, 40));

        Run.Outcome resumed = RunFixture.run(RunOptions.recordedIn(cut, "test --resume"));
        assertEquals(expected, resumed.results().stream().map(TrialResult::trial).toList());
        // Two trials ran again (the torn one and the missing one); the first was kept as it was.
        List<TrialResult> onDisk = new ResultsFile(cut).read();
        assertEquals(3, onDisk.size(), "results.jsonl after resume: " + onDisk.stream().map(TrialResult::trial).toList());
        assertEquals(complete.results().get(0).startedAt(), resumed.results().get(0).startedAt());
    }
}
