package io.gillab.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a process's stdout into lines with bounded memory: a script that floods its output or
 * prints one endless line costs at most {@code MAX_LINES x MAX_LINE_BYTES}; the excess is counted.
 * Bytes can be pushed in chunks (container log frames) or read from a stream (child processes).
 */
final class BoundedLineReader {
    static final int MAX_LINES = 200_000;
    static final int MAX_LINE_BYTES = 1 << 20;

    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean cut;
    private long dropped;
    private long truncated;
    private long firstResultNanos = -1;

    void readAll(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            accept(buf, 0, n);
        }
        finish();
    }

    synchronized void accept(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b == '\n') {
                endLine();
            } else if (line.size() < MAX_LINE_BYTES) {
                line.write(b);
            } else {
                cut = true;
            }
        }
    }

    /** Call at end of stream: a last line without a newline still counts. */
    synchronized void finish() {
        if (line.size() > 0) {
            endLine();
        }
    }

    private void endLine() {
        if (cut) {
            truncated++;
        }
        String s = line.toString(StandardCharsets.UTF_8);
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        line.reset();
        cut = false;
        if (firstResultNanos < 0 && (s.contains("\"record\":\"sample\"") || s.contains("\"record\":\"probe\""))) {
            firstResultNanos = System.nanoTime();
        }
        if (lines.size() < MAX_LINES) {
            lines.add(s);
        } else {
            dropped++;
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized long truncated() {
        return truncated;
    }

    /** System.nanoTime() when the first sample or probe record arrived, or -1. */
    synchronized long firstResultNanos() {
        return firstResultNanos;
    }
}
