package io.gillab.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A trial owns its process tree. A local interpreter ends when gillab dies; what a workload starts ends with
 * its trial, normally or at its time limit (checked in {@link HangFaultsTest}'s run, which pays the time
 * limit anyway). The fixtures' sleeps have odd durations (987.654, 987.655) so that they can be found.
 */
@EnabledOnOs(OS.LINUX)
class ChildProcessesTest {
    /** Processes whose command line holds {@code marker}. */
    static List<ProcessHandle> running(String marker) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(marker))
                .orElse(false)).toList();
    }

    /** gillab killed with SIGKILL mid-trial: the local driver it started ends too (it cannot be told to). */
    @Test
    void aLocalDriverEndsWhenGillabIsKilled() throws Exception {
        FaultRun.need("cpython-local");
        Path driver = io.gillab.trial.RunFixture.home().driver();
        Path pidFile = Files.createTempFile("gillab-driver-", ".pid");
        // a stand-in for gillab: a shell that starts the driver as LocalPythonRuntime does (naming itself in
        // GILLAB_PARENT_PID) on a workload that sleeps for two minutes, then waits for it
        String script = "GILLAB_PARENT_PID=$$ python3 -u '" + driver + "' run sleepy --path '" + FaultRun.faults()
                + "' --threads 1 --samples 1 --warmups 0 >/dev/null 2>&1 & echo $! > '" + pidFile + "'; wait";
        Process parent = new ProcessBuilder("sh", "-c", script).start();
        long driverPid = awaitPid(pidFile);
        assertTrue(ProcessHandle.of(driverPid).isPresent(), "the driver did not start");
        Thread.sleep(1000); // past the driver's start-up, into the workload
        parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        ProcessHandle d = ProcessHandle.of(driverPid).orElse(null);
        boolean gone = d == null || d.onExit().completeOnTimeout(d, 10, TimeUnit.SECONDS).get() != null && !d.isAlive();
        assertTrue(gone, "the driver (pid " + driverPid + ") outlived the process that started it");
    }

    private static long awaitPid(Path pidFile) throws Exception {
        for (int i = 0; i < 100; i++) {
            String s = Files.readString(pidFile).strip();
            if (!s.isEmpty()) {
                return Long.parseLong(s);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the shell never started the driver");
    }
}
