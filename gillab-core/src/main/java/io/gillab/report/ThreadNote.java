package io.gillab.report;

import io.gillab.model.TrialResult;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The one line every report gives on which thread timed the 1-thread samples. It matters for reading
 * them beside pyperf: pyperf times on the main thread, and CPython's main thread can settle in a slower
 * mode for a whole process (countdown on 3.11: 205 or 350 ms per process), where worker threads did not.
 */
public final class ThreadNote {
    private ThreadNote() {
    }

    /** The line, or null when no trial has 1-thread samples of a run() workload in threads mode. */
    public static String line(List<TrialResult> results) {
        TreeSet<String> on = new TreeSet<>();
        results.stream().map(TrialResult::oneThreadOn).filter(Objects::nonNull).forEach(o -> on.addAll(List.of(o.split("\\+"))));
        if (on.isEmpty()) {
            return null;
        }
        if (on.size() > 1) {
            return "1-thread samples ran on the main thread in some trials and on a worker thread in others "
                    + "(--one-thread-on); the main thread can be slower, so compare like with like.";
        }
        if (on.first().equals("main")) {
            return "1-thread samples ran on the interpreter's main thread (--one-thread-on main), as pyperf times "
                    + "them; N-thread samples on worker threads.";
        }
        return "1-thread samples ran on a worker thread, like the N-thread ones (--one-thread-on worker): pyperf times "
                + "on the main thread, where CPython can settle in a slower mode per process, so these 1-thread "
                + "figures can be lower than pyperf's.";
    }
}
