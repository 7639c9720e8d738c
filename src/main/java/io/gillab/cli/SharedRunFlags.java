package io.gillab.cli;

import io.gillab.trial.RunOptions;
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

    /** --out, or results/PREFIX&lt;date-time&gt; without it. */
    Path outDir(String prefix) {
        return out != null ? out
                : Path.of("results", prefix + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** Run options with these flags; the caller adds the rest. */
    RunOptions.Builder options() {
        return RunOptions.builder().localPython(python).timeout(timeout());
    }
}
