package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a gillab command line that must be refused as a usage error (exit 2) and returns what it printed. */
final class UsageErrors {
    private UsageErrors() {
    }

    static String of(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = GillabCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute(args), err::toString);
        return err.toString();
    }

    /** Asserts that {@code args} are refused with a message containing {@code expected}. */
    static void assertSays(String expected, String... args) {
        String err = of(args);
        assertTrue(err.contains(expected), err);
    }
}
