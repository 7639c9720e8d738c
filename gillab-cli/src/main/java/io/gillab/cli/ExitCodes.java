package io.gillab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** gillab's exit codes, the same for every command; {@link #describe} puts the table into each --help. */
final class ExitCodes {
    static final int OK = 0;
    static final int TRIALS_FAILED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;
    static final int NOTHING_MEASURED = 4;

    private ExitCodes() {
    }

    /** run: a failed or timed-out trial outweighs the rest; nothing measured (every trial skipped) is its own code. */
    static int ofRun(long failedOrTimedOut, long ok, long skipped) {
        if (failedOrTimedOut > 0) {
            return TRIALS_FAILED;
        }
        return ok == 0 && skipped > 0 ? NOTHING_MEASURED : OK;
    }

    static Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(OK + "", "all trials ok (merge, report: the reports were written)");
        t.put(TRIALS_FAILED + "", "run: some trial failed or timed out");
        t.put(USAGE + "", "usage error: a bad option, input directory or workload (one line says which)");
        t.put(INTERNAL + "", "internal error: gillab itself failed (the stack trace is in a file; --debug prints it)");
        t.put(NOTHING_MEASURED + "", "run: nothing was measured (every trial skipped, e.g. its runtime is unavailable)");
        return t;
    }

    /** Adds the table to the help of {@code cl} and of each of its subcommands. */
    static void describe(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(table());
        cl.getSubcommands().values().forEach(ExitCodes::describe);
    }
}
