package io.gillab.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one trial process left behind: its stdout lines (bounded), the tail of stderr, how it ended.
 *
 * @param exitCode       the process exit code, or -1 when it was killed
 * @param timedOut       true when gillab killed it at the time limit
 * @param stdoutLines    stdout, line by line, at most {@link BoundedLineReader#MAX_LINES} lines
 * @param droppedLines   lines beyond that limit, counted but not kept
 * @param truncatedLines lines longer than {@link BoundedLineReader#MAX_LINE_BYTES}, cut to that length
 * @param stderrTail     the last part of stderr, for error messages
 * @param wall           wall time from process start to exit (includes start-up; never a measured value)
 * @param launch         how the trial was launched: e.g. the container image id, CPU and memory limits, and
 *                       {@code first_result_seconds}, the time from "start" to the first sample or probe answer
 * @param stdoutBytes    every byte the process wrote on stdout, kept or not (-1: not counted)
 * @param killedBy       why the process or container was killed by something other than gillab's time limit,
 *                       in words (e.g. "out of memory (container limit 64 MiB)"), or null
 */
public record ProcessOutput(int exitCode, boolean timedOut, List<String> stdoutLines, long droppedLines,
        long truncatedLines, String stderrTail, Duration wall, Map<String, Object> launch, long stdoutBytes,
        String killedBy) {

    public ProcessOutput(int exitCode, boolean timedOut, List<String> stdoutLines, long droppedLines,
            long truncatedLines, String stderrTail, Duration wall, Map<String, Object> launch) {
        this(exitCode, timedOut, stdoutLines, droppedLines, truncatedLines, stderrTail, wall, launch, -1, null);
    }
}
