package io.gillab.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Python interpreter on this machine, run as a child process: {@code cpython} is {@code python3}
 * from PATH (or the interpreter given with {@code --python}); it must really be CPython.
 */
public final class LocalPythonRuntime implements PythonRuntime {
    private final String id;
    private final String executable;
    private final String requiredImplementation;
    private final GillabHome home;
    private Availability availability;

    public LocalPythonRuntime(String id, String executable, String requiredImplementation, GillabHome home) {
        this.id = id;
        this.executable = executable;
        this.requiredImplementation = requiredImplementation;
        this.home = home;
    }

    @Override
    public String id() {
        return id;
    }

    public String executable() {
        return executable;
    }

    @Override
    public synchronized Availability availability() {
        if (availability == null) {
            availability = probe();
        }
        return availability;
    }

    private Availability probe() {
        List<String> cmd = List.of(executable, "-c",
                "import platform, sys; print(platform.python_implementation()); print(platform.python_version())");
        ProcessOutput out;
        try {
            out = ProcessRunner.run(cmd, Map.of(), null, Duration.ofSeconds(20));
        } catch (IOException e) {
            return Availability.no("no Python interpreter '" + executable + "' (" + e.getMessage() + ")");
        }
        if (out.timedOut() || out.exitCode() != 0 || out.stdoutLines().size() < 2) {
            return Availability.no("'" + executable + "' did not answer as a Python interpreter (exit "
                    + out.exitCode() + "): " + out.stderrTail().strip());
        }
        String impl = out.stdoutLines().get(0).strip();
        String version = out.stdoutLines().get(1).strip();
        if (requiredImplementation != null && !requiredImplementation.equals(impl)) {
            return Availability.no("'" + executable + "' is " + impl + " " + version + ", not " + requiredImplementation);
        }
        return Availability.yes("local process: " + executable + " (" + impl + " " + version + ")");
    }

    @Override
    public int defaultWarmups() {
        return INTERPRETER_WARMUPS;
    }

    @Override
    public ProcessOutput run(DriverCall call, Duration timeout) throws IOException {
        return runDriver(executable, home, call, timeout);
    }

    /** The driver in a local interpreter as a child process (also used by {@code local:} runtimes). */
    static ProcessOutput runDriver(String executable, GillabHome home, DriverCall call, Duration timeout)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.add("-u"); // unbuffered: every JSON line reaches gillab even if the process is killed
        cmd.add(home.driver().toString());
        cmd.addAll(call.argsWithLocalPaths());
        // GILLAB_PARENT_PID: the driver asks the kernel to end it when gillab goes, even by SIGKILL (driver.py)
        return ProcessRunner.run(cmd, call.envWith(Map.of("PYTHONDONTWRITEBYTECODE", "1", "GILLAB_PARENT_PID",
                Long.toString(ProcessHandle.current().pid()))), (Path) null, timeout);
    }
}
