package io.gillab.driver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.runtime.GillabHome;
import io.gillab.runtime.ProcessOutput;
import io.gillab.runtime.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** driver.py run directly by a local interpreter, without gillab around it: for tests of the driver itself. */
public final class LocalDriver {
    /** pyenv's Python 2.7, what checks that the driver still runs where Jython's Python is. */
    public static final String PY27 = "pyenv-2.7.18";

    private LocalDriver() {
    }

    /** "python3" as is, or pyenv's interpreter for "pyenv-X" (version X). */
    public static String interpreter(String name) {
        return name.startsWith("pyenv-") ? System.getProperty("user.home") + "/.pyenv/versions/"
                + name.substring(6) + "/bin/python" : name;
    }

    /** Skips the test, with the reason, when that interpreter is not installed here. */
    public static void assumeInstalled(String name) {
        String exe = interpreter(name);
        assumeTrue(!exe.contains("/") || Files.isExecutable(Path.of(exe)), () -> exe + " is not installed here");
    }

    /** A new temporary directory holding {@code NAME.py} with that source: a search path ({@code --path}). */
    public static Path workloadDir(String name, String source) throws IOException {
        Path dir = Files.createTempDirectory("gillab-" + name + "-");
        Files.writeString(dir.resolve(name + ".py"), source);
        return dir;
    }

    /** Runs {@code driver.py args...} on that interpreter (90 s at most). */
    public static ProcessOutput run(String name, String... args) throws IOException {
        return run(name, Map.of(), args);
    }

    /** As {@link #run(String, String...)}, with variables added to the environment. */
    public static ProcessOutput run(String name, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(interpreter(name), "-u", GillabHome.locate().driver().toString()));
        cmd.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("PYTHONDONTWRITEBYTECODE", "1");
        return ProcessRunner.run(cmd, all, null, Duration.ofSeconds(90));
    }
}
