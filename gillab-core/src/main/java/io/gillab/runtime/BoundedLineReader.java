package io.gillab.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a process's stdout into lines with bounded memory. The driver's records (lines that start
 * with {@code {"gillab"}) are kept, up to {@link #MAX_LINES}, each up to {@link #MAX_LINE_BYTES}; anything
 * else a workload prints (garbage, binary, a flood) is kept only as the first {@link #MAX_OTHER_LINES}
 * lines of at most {@link #MAX_OTHER_LINE_BYTES} each, and counted beyond that. So a script printing
 * hundreds of megabytes costs a few megabytes, and the records after its flood still arrive; record
 * lines together are capped at {@link #MAX_RECORD_BYTES}. Bytes can be
 * pushed in chunks (container log frames) or read from a stream (child processes).
 *
 * <p>A record always starts a line: when {@code {"gillab"} appears in the middle of a line (a workload
 * wrote a partial line, or a torn record, just before the driver's next record), the line is split there,
 * so the garbage before it costs nothing but itself and the record still arrives whole.
 */
final class BoundedLineReader {
    static final int MAX_LINES = 200_000;
    static final int MAX_LINE_BYTES = 1 << 20;
    static final int MAX_OTHER_LINES = 1000;
    static final int MAX_OTHER_LINE_BYTES = 4096;
    /** All kept record lines together; a driver's real output is a few megabytes at most. */
    static final long MAX_RECORD_BYTES = 64L << 20;
    private long recordBytes;
    private static final byte[] RECORD_PREFIX = "{\"gillab\"".getBytes(StandardCharsets.US_ASCII);

    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long lineLength;          // bytes seen in the current line, kept or not
    private boolean lineIsRecord = true; // until a byte differs from RECORD_PREFIX
    private boolean cut;
    private int otherKept;
    private long dropped;
    private long truncated;
    private long firstResultNanos = -1;
    private int prefixMatch;         // bytes of RECORD_PREFIX matched so far, anywhere in the line
    private long totalBytes;
    private long splits;
    /** A batch worker's call boundaries (see {@link BatchMark}), in the order they arrived. */
    private final List<BatchMark> marks = new ArrayList<>();
    /** For each mark: System.nanoTime() of the first sample or probe record after it, or -1. */
    private final List<Long> firstResultAfterMark = new ArrayList<>();

    /**
     * A line a batch worker writes between the driver calls it runs in one process (see
     * {@code io.gillab.worker.WorkerMain}): {@code start} before call {@code call}, {@code end} with its exit
     * code after it. Such a line is not kept among the lines; {@code line} is the index the next kept line gets.
     */
    record BatchMark(int call, boolean start, Integer exitCode, int line, long nanos) {
        static final String PREFIX = "{\"gillab\":1,\"record\":\"batch\"";
    }

    void readAll(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            accept(buf, 0, n);
        }
        finish();
    }

    synchronized void accept(byte[] buf, int off, int len) {
        totalBytes += len;
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b == '\n') {
                endLine();
                continue;
            }
            if (lineLength < RECORD_PREFIX.length && b != RECORD_PREFIX[(int) lineLength]) {
                lineIsRecord = false;
            }
            // RECORD_PREFIX has no proper prefix that is also a suffix: a mismatch restarts the match.
            prefixMatch = b == RECORD_PREFIX[prefixMatch] ? prefixMatch + 1 : b == RECORD_PREFIX[0] ? 1 : 0;
            if (prefixMatch == RECORD_PREFIX.length) {
                prefixMatch = 0;
                if (lineLength >= RECORD_PREFIX.length) {
                    splitBeforeRecord();
                    continue;
                }
            }
            lineLength++;
            int limit = lineIsRecord ? MAX_LINE_BYTES : MAX_OTHER_LINE_BYTES;
            if (line.size() < limit) {
                line.write(b);
            } else {
                cut = true;
            }
        }
    }

    /**
     * A record prefix just completed in the middle of a line (its last byte not yet added): end the line
     * before the prefix, and start a new line holding the prefix.
     */
    private void splitBeforeRecord() {
        long before = lineLength - (RECORD_PREFIX.length - 1);
        byte[] kept = line.toByteArray();
        line.reset();
        line.write(kept, 0, (int) Math.min(before, kept.length));
        cut = kept.length < before; // whether the garbage before the record was cut short
        lineLength = before;
        lineIsRecord = false;
        splits++;
        endLine();
        line.write(RECORD_PREFIX, 0, RECORD_PREFIX.length);
        lineLength = RECORD_PREFIX.length;
        lineIsRecord = true;
    }

    /** Call at end of stream: a last line without a newline still counts. */
    synchronized void finish() {
        if (lineLength > 0) {
            endLine();
        }
    }

    private void endLine() {
        boolean record = lineIsRecord && lineLength >= RECORD_PREFIX.length;
        String s = line.toString(StandardCharsets.UTF_8);
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        if (cut) {
            truncated++;
        }
        line.reset();
        lineLength = 0;
        lineIsRecord = true;
        cut = false;
        prefixMatch = 0;
        if (record && s.startsWith(BatchMark.PREFIX)) {
            marks.add(parseMark(s, lines.size()));
            firstResultAfterMark.add(-1L);
            return;
        }
        if (record && (s.contains("\"record\":\"sample\"") || s.contains("\"record\":\"probe\""))) {
            long now = System.nanoTime();
            if (firstResultNanos < 0) {
                firstResultNanos = now;
            }
            int last = firstResultAfterMark.size() - 1;
            if (last >= 0 && firstResultAfterMark.get(last) < 0) {
                firstResultAfterMark.set(last, now);
            }
        }
        if (!record && otherKept >= MAX_OTHER_LINES || lines.size() >= MAX_LINES
                || record && recordBytes + s.length() > MAX_RECORD_BYTES) {
            dropped++;
            return;
        }
        lines.add(s);
        if (record) {
            recordBytes += s.length();
        }
        if (!record) {
            otherKept++;
        }
    }

    private static BatchMark parseMark(String s, int line) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(s);
            return new BatchMark(n.path("call").asInt(-1), "start".equals(n.path("event").asText()),
                    n.has("exit_code") ? n.get("exit_code").asInt() : null, line, System.nanoTime());
        } catch (java.io.IOException e) {
            return new BatchMark(-1, false, null, line, System.nanoTime()); // a torn mark: ends nothing it names
        }
    }

    synchronized List<BatchMark> marks() {
        return List.copyOf(marks);
    }

    /** System.nanoTime() of the first sample or probe record after mark {@code i}, or -1. */
    synchronized long firstResultAfterMark(int i) {
        return firstResultAfterMark.get(i);
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

    /** Every byte read, kept or not. */
    synchronized long totalBytes() {
        return totalBytes;
    }

    /** Lines split because a record started in the middle of them (a partial line before it). */
    synchronized long splits() {
        return splits;
    }

    /** System.nanoTime() when the first sample or probe record arrived, or -1. */
    synchronized long firstResultNanos() {
        return firstResultNanos;
    }
}
