package io.gillab.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a process's stdout into lines with bounded memory: a script that floods its output or
 * prints one endless line costs at most {@code MAX_LINES x MAX_LINE_CHARS}; the excess is counted.
 */
final class BoundedLineReader {
    static final int MAX_LINES = 200_000;
    static final int MAX_LINE_CHARS = 1 << 20;

    private final List<String> lines = new ArrayList<>();
    private long dropped;
    private long truncated;

    void readAll(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        char[] buf = new char[8192];
        int n;
        while ((n = reader.read(buf)) != -1) {
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (c == '\n') {
                    finish(line, cut);
                    line.setLength(0);
                    cut = false;
                } else if (line.length() < MAX_LINE_CHARS) {
                    line.append(c);
                } else {
                    cut = true;
                }
            }
        }
        if (line.length() > 0) {
            finish(line, cut);
        }
    }

    private void finish(StringBuilder line, boolean cut) {
        if (cut) {
            truncated++;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        synchronized (this) {
            if (lines.size() < MAX_LINES) {
                lines.add(line.substring(0, end));
            } else {
                dropped++;
            }
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
}
