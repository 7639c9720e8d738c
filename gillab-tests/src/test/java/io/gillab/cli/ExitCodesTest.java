package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit-code table, end to end: each code from a real command line (GillabCommand in-process). */
class ExitCodesTest {
    static final String FAULTS = "src/test/resources/fixtures/faults";

    @TempDir
    Path tmp;

    private static MergeCommandTest.Cli gillab(String... args) {
        return MergeCommandTest.gillab(args);
    }

    /** {@code gillab run --quick --out TMP/N ARGS} exits with {@code code}. */
    private void assertRunExits(int code, String... args) throws IOException {
        String[] all = new String[args.length + 4];
        all[0] = "run";
        all[1] = "--quick";
        all[2] = "--out";
        all[3] = Files.createTempDirectory(tmp, "run").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        MergeCommandTest.Cli c = gillab(all);
        assertEquals(code, c.code(), c::err);
    }

    @Test
    void zeroWhenEveryTrialIsOk() throws IOException {
        assertRunExits(ExitCodes.OK, "--runtimes", "cpython-local", "--workloads", "refcount");
    }

    @Test
    void oneWhenATrialFails() throws IOException {
        assertRunExits(ExitCodes.TRIALS_FAILED, "--runtimes", "cpython-local", "--workloads", "exit3", "--threads", "1",
                "--path", FAULTS);
    }

    @Test
    void fourWhenNothingWasMeasured() throws IOException {
        assertRunExits(ExitCodes.NOTHING_MEASURED, "--runtimes", "local:/nonexistent/python", "--workloads", "refcount");
    }

    @Test
    void twoOnAUsageErrorWithTheSameOneLineMessage() {
        MergeCommandTest.Cli c = gillab("run", "--scaling", "sideways");
        assertEquals(ExitCodes.USAGE, c.code(), c::err);
        assertTrue(c.err().startsWith("gillab: --scaling must be strong or weak, got 'sideways'\n"), c.err());
        assertEquals(ExitCodes.USAGE, gillab("run", "--mode", "fibers").code());
        assertEquals(ExitCodes.USAGE, gillab("merge", tmp.resolve("nothing-here").toString(), "--out",
                tmp.resolve("m").toString()).code());
        assertEquals(ExitCodes.USAGE, gillab("report", tmp.resolve("nothing-here").toString()).code());
    }

    /** An honest internal error: report.html cannot be written because a folder has its name. */
    @Test
    void threeOnAnInternalErrorWithAHintAndTheTraceInAFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("results"));
        try (var files = Files.list(MergeCommandTest.FULL)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Files.createDirectories(dir.resolve("report.html").resolve("in-the-way"));
        MergeCommandTest.Cli c = gillab("report", dir.toString());
        assertEquals(ExitCodes.INTERNAL, c.code(), c::err);
        String[] lines = c.err().split("\n");
        assertEquals(2, lines.length, c.err());
        assertTrue(lines[0].startsWith("gillab: internal error: "), lines[0]);
        Path trace = savedTrace(lines[1]);
        assertTrue(Files.readString(trace).contains("\tat "), "the stack trace is in the file");
        Files.delete(trace);

        MergeCommandTest.Cli debug = gillab("report", "--debug", dir.toString());
        assertEquals(ExitCodes.INTERNAL, debug.code());
        assertTrue(debug.err().contains("\tat "), "--debug prints the stack trace");
        Files.delete(savedTrace(debug.err()));
    }

    private static Path savedTrace(String err) {
        Matcher saved = Pattern.compile("please report it with the command line and (\\S+gillab-error-\\S+\\.txt)")
                .matcher(err);
        assertTrue(saved.find(), err);
        return Path.of(saved.group(1));
    }

    @Test
    void helpListsTheCodes() {
        for (String command : new String[] {"--help", "run --help", "merge --help", "report --help"}) {
            String help = gillab(command.split(" ")).out();
            assertTrue(help.contains("Exit codes:"), help);
            for (int code = 0; code <= 4; code++) {
                assertTrue(help.contains("  " + code + "   "), command + " lists exit code " + code + ":\n" + help);
            }
        }
    }
}
