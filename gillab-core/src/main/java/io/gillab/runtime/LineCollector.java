package io.gillab.runtime;

import java.util.List;

/**
 * Collects a trial's stdout (bounded lines) and stderr (a tail) from pushed chunks, for runtimes whose
 * output does not come from a local process's streams (containers).
 */
public final class LineCollector {
    private final BoundedLineReader stdout = new BoundedLineReader();
    private final ProcessRunner.TailBuffer stderr = new ProcessRunner.TailBuffer(ProcessRunner.STDERR_TAIL_BYTES);

    public void stdout(byte[] chunk) {
        stdout.accept(chunk, 0, chunk.length);
    }

    public void stderr(byte[] chunk) {
        stderr.accept(chunk, chunk.length);
    }

    public void finish() {
        stdout.finish();
    }

    public List<String> lines() {
        return stdout.lines();
    }

    public long dropped() {
        return stdout.dropped();
    }

    public long truncated() {
        return stdout.truncated();
    }

    /** Every stdout byte received, kept or not. */
    public long stdoutBytes() {
        return stdout.totalBytes();
    }

    /** Lines split because a record began in the middle of them (after a partial line). */
    public long splitLines() {
        return stdout.splits();
    }

    public long firstResultNanos() {
        return stdout.firstResultNanos();
    }

    public String stderrText() {
        return stderr.text();
    }
}
