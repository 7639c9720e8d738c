package io.gillab.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.driver.DriverOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Any Python interpreter on this machine ({@code local:<path>}, {@code local:pyenv-3.13.0}), run as a
 * child process. Unlike {@code cpython-local} it accepts every implementation: it asks the driver
 * ({@code driver.py info}) what it is and labels it by implementation, version and GIL state, e.g.
 * "CPython 3.13.0 (pyenv), GIL enabled"; a free-threaded build whose GIL is on at run time is flagged.
 */
public final class LocalInterpreterRuntime implements PythonRuntime {
    private final String id;
    private final String executable;
    private final String origin;
    private final GillabHome home;
    private Availability availability;
    private JsonNode meta;

    /**
     * @param origin where it came from, shown in the label ("pyenv"), or null
     */
    public LocalInterpreterRuntime(String id, String executable, String origin, GillabHome home) {
        this.id = id;
        this.executable = executable;
        this.origin = origin;
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

    /** The driver's meta record (after {@link #availability()}), or null. */
    public synchronized JsonNode meta() {
        availability();
        return meta;
    }

    private Availability probe() {
        if (executable.contains("/") && !Files.isExecutable(Path.of(executable))) {
            return Availability.no("no Python interpreter at " + executable);
        }
        List<String> cmd = List.of(executable, "-u", home.driver().toString(), "info");
        ProcessOutput out;
        try {
            out = ProcessRunner.run(cmd, Map.of("PYTHONDONTWRITEBYTECODE", "1"), null, Duration.ofSeconds(60));
        } catch (IOException e) {
            return Availability.no("no Python interpreter '" + executable + "' (" + e.getMessage() + ")");
        }
        DriverOutput d = DriverOutput.parse(out.stdoutLines());
        if (out.timedOut() || d.meta().isEmpty()) {
            return Availability.no("'" + executable + "' did not run the gillab driver (exit " + out.exitCode()
                    + (out.timedOut() ? ", timed out" : "") + "): " + lastLine(out.stderrTail()));
        }
        meta = d.meta().get();
        return Availability.yes(label(meta, origin) + "; local process " + executable);
    }

    private static String lastLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.lastIndexOf('\n');
        return nl < 0 ? t : t.substring(nl + 1);
    }

    /**
     * "CPython 3.13.0 (pyenv), GIL enabled", "PyPy 7.3.11 (Python 3.9.16), GIL enabled", "CPython 3.14.0,
     * free-threaded build, GIL disabled", "CPython 3.14.0, free-threaded build, GIL RE-ENABLED at run time".
     */
    public static String label(JsonNode meta, String origin) {
        String impl = text(meta, "implementation", "Python");
        String name = text(meta, "implementation_name", "").toLowerCase();
        String version = text(meta, "version", "?");
        String implVersion = text(meta, "implementation_version", version);
        StringBuilder b = new StringBuilder();
        if (name.equals("pypy") || impl.equals("PyPy")) {
            b.append("PyPy ").append(implVersion).append(" (Python ").append(version).append(')');
        } else if (name.equals("graalpy")) {
            b.append("GraalPy ").append(implVersion).append(" (Python ").append(version).append(')');
        } else {
            b.append(impl).append(' ').append(version);
        }
        if (origin != null) {
            b.append(" (").append(origin).append(')');
        }
        b.append(", ").append(gilState(meta));
        return b.toString();
    }

    /** "GIL enabled", "no GIL", "free-threaded build, GIL disabled", or the flagged re-enabled case. */
    public static String gilState(JsonNode meta) {
        JsonNode gil = meta.path("gil");
        boolean freeThreadedBuild = meta.path("gil_disabled_build").asBoolean(false);
        if (freeThreadedBuild) {
            if (gil.isBoolean() && gil.asBoolean()) {
                return "free-threaded build, GIL RE-ENABLED at run time (PYTHON_GIL=1, -X gil=1 or an extension"
                        + " module that needs it): threads will not run in parallel";
            }
            return gil.isBoolean() ? "free-threaded build, GIL disabled" : "free-threaded build, GIL state unknown";
        }
        if (!gil.isBoolean()) {
            return "GIL state unknown";
        }
        return gil.asBoolean() ? "GIL enabled" : "no GIL";
    }

    /** True for a free-threaded build that runs with its GIL on: worth a warning next to its numbers. */
    public static boolean gilReenabled(JsonNode meta) {
        return meta.path("gil_disabled_build").asBoolean(false) && meta.path("gil").asBoolean(false);
    }

    private static String text(JsonNode meta, String field, String dflt) {
        JsonNode n = meta.path(field);
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : dflt;
    }

    @Override
    public boolean isJit() {
        JsonNode m = meta();
        return m != null && ("pypy".equals(m.path("implementation_name").asText())
                || "graalpy".equals(m.path("implementation_name").asText()));
    }

    @Override
    public int defaultWarmups() {
        return isJit() ? JIT_WARMUPS : INTERPRETER_WARMUPS;
    }

    @Override
    public ProcessOutput run(DriverCall call, Duration timeout) throws IOException {
        return LocalPythonRuntime.runDriver(executable, home, call, timeout);
    }
}
