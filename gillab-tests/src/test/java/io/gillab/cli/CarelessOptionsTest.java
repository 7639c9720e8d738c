package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.trial.Run;
import io.gillab.trial.RunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Careless options end in a one-line usage error before anything runs, never in a stack trace, an
 * out-of-memory error, a trial that fails later, or a folder where two runs mix (issue 18, items 3 and 8).
 */
class CarelessOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void boundsAreCheckedAtParseTime() {
        UsageErrors.assertSays("at most 1024 threads, got 999999999", "run", "--threads", "1..999999999");
        UsageErrors.assertSays("--memory 99999999999999999999m", "run", "--memory", "99999999999999999999m");
        UsageErrors.assertSays("--memory must be at most the machine's", "run", "--memory", "999999g");
        UsageErrors.assertSays("--min-time must be more than 0 and at most 60 seconds, got 5000.0", "run",
                "--min-time", "5000");
        UsageErrors.assertSays("--cpus must be at least 0.01", "run", "--cpus", "0.001");
        UsageErrors.assertSays("--path /nonexistent: no such directory", "run", "--path", "/nonexistent");
    }

    @Test
    void anOutputFolderMustBeAFolderGillabCanWrite() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        UsageErrors.assertSays("--out " + file + " is a file, not a directory", "run", "--runtimes",
                "local:/nonexistent/python", "--workloads", "refcount", "--out", file.toString());
        UsageErrors.assertSays("--out /proc/gillab cannot be created", "run", "--runtimes",
                "local:/nonexistent/python", "--workloads", "refcount", "--out", "/proc/gillab");
    }

    @Test
    void aFolderHoldingARunIsRefusedUnlessResumed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("results.jsonl"), "");
        Files.writeString(dir.resolve("run-20261130-000000-abcdef12.json"), "{}");
        UsageErrors.assertSays("--out " + dir + " already holds a run (results.jsonl, run-20261130-000000-abcdef12.json):"
                + " give a new folder, finish that run with --resume " + dir + ", or add this one to it with --append", "run", "--runtimes",
                "local:/nonexistent/python", "--workloads", "refcount", "--out", dir.toString());
        // nothing was added to the folder
        assertEquals(List.of("results.jsonl", "run-20261130-000000-abcdef12.json"),
                Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
        // said on purpose, the run is added (4: it measured nothing, its one runtime is missing)
        picocli.CommandLine cl = GillabCommand.commandLine();
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(4, cl.execute("run", "--runtimes", "local:/nonexistent/python", "--workloads", "refcount",
                "--out", dir.toString(), "--append"));
        assertEquals(1, Files.readAllLines(dir.resolve("results.jsonl")).size());
        assertEquals(2, Files.list(dir).filter(p -> p.getFileName().toString().startsWith("run-")).count());
    }

    @Test
    void aTruncatedRunRecordIsNamed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("torn"));
        Files.writeString(dir.resolve("run-20261130-000000-abcdef12.json"), "{\"options\": {\"runt");
        UsageErrors.assertSays("run-20261130-000000-abcdef12.json is not a whole run record", "run", "--resume",
                dir.toString());
        Files.writeString(dir.resolve("run-20261130-000000-abcdef12.json"), "");
        UsageErrors.assertSays("run-20261130-000000-abcdef12.json", "run", "--resume", dir.toString());
    }

    @Test
    void resumeRefusesFlagsThatContradictTheRecordedOnes() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("recorded"));
        RunOptions recorded = RunOptions.builder().runtimes(List.of("local:/nonexistent/python"))
                .names(List.of("refcount")).threads(List.of(1, 2)).outDir(dir).commandLine("test").build();
        // what Run writes when it starts: run-*.json with the options
        new Run(recorded, io.gillab.runtime.GillabHome.locate(), new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())).execute();
        String err = UsageErrors.of("run", "--resume", dir.toString(), "--threads", "1,4", "--samples", "9");
        assertTrue(err.contains("--threads [1, 4] (recorded: [1, 2])"), err);
        assertTrue(err.contains("--samples 9 (recorded: null)"), err);
        assertTrue(err.contains("would be ignored: leave them out"), err);
        // the same flags as recorded are not a contradiction
        String same = UsageErrors.of("run", "--resume", dir.toString(), "--threads", "1,2", "--cpus", "0");
        assertFalse(same.contains("--threads"), same);
        assertTrue(same.contains("--cpus must be at least 0.01"), same);
    }

    /** Two runs started in the same second get two folders (creating a directory is atomic). */
    @Test
    void defaultFoldersDoNotCollide() throws IOException {
        SharedRunFlags flags = new SharedRunFlags();
        Path first = flags.outDir("test-same-second-");
        Path second = flags.outDir("test-same-second-");
        try {
            assertTrue(Files.isDirectory(first) && Files.isDirectory(second));
            assertFalse(first.equals(second), first + " twice");
        } finally {
            Files.deleteIfExists(first);
            Files.deleteIfExists(second);
        }
    }
}
