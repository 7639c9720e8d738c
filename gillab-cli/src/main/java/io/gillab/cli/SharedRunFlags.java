package io.gillab.cli;

import io.gillab.trial.RunOptions;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/**
 * The flags {@code run} and {@code fidelity} share: the local interpreter, the per-process time limit and
 * the output directory. A command may word their help its own way through its resource bundle (keys
 * {@code python}, {@code timeout}, {@code out}; see {@link FidelityHelp}); the texts here are {@code run}'s.
 */
final class SharedRunFlags {

    @Option(names = "--python", paramLabel = "PATH", defaultValue = "python3", descriptionKey = "python",
            description = "The interpreter behind the 'cpython' runtime (default: ${DEFAULT-VALUE} on PATH).")
    String python;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", descriptionKey = "timeout",
            description = "Time limit per process of a trial; the process or container is killed at it (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "out",
            description = "Output directory (default: results/<date-time>).")
    Path out;

    /**
     * --out, or without it a new folder results/PREFIX&lt;date-time&gt;, created here: two runs started in the same
     * second get -2, -3, ... (creating a directory is atomic, so they cannot both take one name).
     */
    Path outDir(String prefix) {
        if (out != null) {
            return out;
        }
        String base = prefix + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path results = Path.of("results");
        try {
            Files.createDirectories(results);
            for (int n = 1; ; n++) {
                Path dir = results.resolve(n == 1 ? base : base + "-" + n);
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException taken) {
                    // another run has it: try the next name
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create a results folder under " + results.toAbsolutePath()
                    + " (" + e.getMessage() + "); give one with --out", e);
        }
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** Run options with these flags; the caller adds the rest. */
    RunOptions.Builder options() {
        return RunOptions.builder().localPython(python).timeout(timeout());
    }
}
