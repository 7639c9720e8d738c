package io.gillab.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a finished batch worker's output into one {@link ProcessOutput} per call that started, as if each
 * call had had a process to itself: its own lines, stderr tail, exit code and wall time (from its start mark
 * to the next one; the first call's from the process start, so the process start is charged to it).
 */
final class BatchSplit {
    private BatchSplit() {
    }

    static List<ProcessOutput> split(String executable, int calls, long start, long end, int processExit,
            boolean timedOut, BoundedLineReader stdout, SegmentedTail stderr) {
        List<String> lines = stdout.lines();
        List<BoundedLineReader.BatchMark> marks = stdout.marks();
        List<Integer> startMarks = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            if (marks.get(i).start()) {
                startMarks.add(i);
            }
        }
        List<ProcessOutput> outs = new ArrayList<>();
        if (startMarks.isEmpty()) {
            // Nothing started: the process failed on its own (a JVM that did not come up); the first call says why.
            outs.add(output(executable, processExit, timedOut, lines, stdout, stderr.text(0), start, end, -1,
                    0, calls));
            return outs;
        }
        for (int k = 0; k < startMarks.size(); k++) {
            BoundedLineReader.BatchMark mark = marks.get(startMarks.get(k));
            boolean last = k == startMarks.size() - 1;
            int nextMarkIndex = last ? marks.size() : startMarks.get(k + 1);
            int fromLine = mark.line();
            int toLine = last ? lines.size() : marks.get(nextMarkIndex).line();
            Integer exit = null;
            for (int m = startMarks.get(k) + 1; m < nextMarkIndex; m++) {
                if (!marks.get(m).start() && marks.get(m).call() == mark.call()) {
                    exit = marks.get(m).exitCode();
                }
            }
            long from = k == 0 ? start : mark.nanos();
            long to = last ? end : marks.get(nextMarkIndex).nanos();
            boolean ended = exit != null;
            outs.add(output(executable, ended ? exit : processExit, !ended && timedOut,
                    lines.subList(fromLine, Math.min(toLine, lines.size())), stdout, stderr.text(k), from, to,
                    stdout.firstResultAfterMark(startMarks.get(k)), k, calls));
            if (!ended) {
                break; // the process ended inside this call: the rest did not run
            }
        }
        return outs;
    }

    private static ProcessOutput output(String executable, int exit, boolean timedOut, List<String> lines,
            BoundedLineReader stdout, String stderr, long from, long to, long firstResult, int call, int calls) {
        Map<String, Object> launch = new LinkedHashMap<>();
        launch.put("kind", "process");
        launch.put("command", executable);
        if (firstResult > 0) {
            launch.put("first_result_seconds", (firstResult - from) / 1e9);
        }
        // The call shared its worker process with the other calls of the batch, each in a fresh interpreter.
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("call", call + 1);
        batch.put("calls", calls);
        batch.put("process_start_included", call == 0);
        launch.put("batch", batch);
        // Over-limit counts are the process's: rare, and then every call of the batch says so.
        return new ProcessOutput(exit, timedOut, List.copyOf(lines), stdout.dropped(), stdout.truncated(), stderr,
                Duration.ofNanos(to - from), launch, -1, null);
    }
}
