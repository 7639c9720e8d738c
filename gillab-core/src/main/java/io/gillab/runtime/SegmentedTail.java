package io.gillab.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stderr of a batch worker, split by call: the worker writes a {@link BoundedLineReader.BatchMark} start
 * line on stderr before each call, and each call keeps the tail of what followed, up to the next one. So a
 * call's error message and traceback are its own, as if it had had a process to itself. Text before the first
 * mark (JVM warnings) goes to the first call.
 */
final class SegmentedTail {
    private static final byte[] MARK = BoundedLineReader.BatchMark.PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_MARK_LINE = 200;

    private final int tailBytes;
    private final List<ProcessRunner.TailBuffer> segments = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean atLineStart = true;
    private boolean matching;

    SegmentedTail(int tailBytes) {
        this.tailBytes = tailBytes;
        segments.add(new ProcessRunner.TailBuffer(tailBytes));
    }

    void readAll(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            accept(buf, n);
        }
        flushPending();
    }

    synchronized void accept(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            byte b = buf[i];
            if (atLineStart) {
                matching = true;
                atLineStart = false;
            }
            if (matching) {
                int at = pending.size();
                if (b == '\n' && at >= MARK.length) {
                    String line = pending.toString(StandardCharsets.US_ASCII);
                    pending.reset();
                    matching = false;
                    atLineStart = true;
                    if (segments.size() > 1 || !isFirstStart(line)) {
                        segments.add(new ProcessRunner.TailBuffer(tailBytes));
                    }
                    continue;
                }
                if ((at < MARK.length && b == MARK[at]) || (at >= MARK.length && at < MAX_MARK_LINE && b != '\n')) {
                    pending.write(b);
                    continue;
                }
                flushPending(); // not a mark after all
                matching = false;
            }
            current().put(b);
            atLineStart = b == '\n';
        }
    }

    /** The first call's start mark opens the first segment, which also holds what came before it. */
    private boolean isFirstStart(String line) {
        return line.contains("\"call\":0") && line.contains("\"start\"");
    }

    private void flushPending() {
        if (pending.size() > 0) {
            byte[] held = pending.toByteArray();
            pending.reset();
            current().accept(held, held.length);
        }
    }

    private ProcessRunner.TailBuffer current() {
        return segments.get(segments.size() - 1);
    }

    /** The tail of call {@code i}'s stderr ("" when it wrote none). */
    synchronized String text(int i) {
        return i < segments.size() ? segments.get(i).text() : "";
    }
}
