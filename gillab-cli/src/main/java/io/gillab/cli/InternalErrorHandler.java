package io.gillab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * An exception no command expected: one line saying what failed and a hint to report it (exit 3). The
 * stack trace goes to a file, and to stderr too with {@code --debug}.
 */
final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final String DEBUG = "--debug";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        String trace = stackTrace(ex);
        PrintWriter err = cmd.getErr();
        err.println("gillab: internal error: " + ex);
        String saved = save(trace);
        err.println("this looks like a bug in gillab; please report it with the command line and "
                + (saved != null ? saved : "the stack trace (--debug prints it)"));
        if (parsed.originalArgs().contains(DEBUG)) {
            err.print(trace);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    private static String stackTrace(Exception ex) {
        StringWriter s = new StringWriter();
        ex.printStackTrace(new PrintWriter(s));
        return s.toString();
    }

    /** The trace in the temporary directory; null if even that fails. */
    private static String save(String trace) {
        try {
            Path f = Files.createTempFile("gillab-error-", ".txt");
            Files.writeString(f, trace);
            return f.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
