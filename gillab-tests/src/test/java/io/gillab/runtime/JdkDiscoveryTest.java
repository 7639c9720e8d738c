package io.gillab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests bin/find-jdk.sh, the JDK discovery the ./gillab launcher and .ci/run rely on, on fake JDKs. */
class JdkDiscoveryTest {
    static final Path SCRIPT = io.gillab.trial.RunFixture.checkout().resolve("bin/find-jdk.sh");

    @TempDir
    Path tmp;

    private Path fakeJdk(String dirName, String version) throws IOException {
        Path home = tmp.resolve("jvm").resolve(dirName);
        Files.createDirectories(home.resolve("bin"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    /** A PATH with the tools the script uses and no java, so the machine's own JDKs stay out of the test. */
    private String toolsOnlyPath() throws IOException {
        Path bin = tmp.resolve("bin");
        if (!Files.isDirectory(bin)) {
            Files.createDirectories(bin);
            for (String tool : List.of("sed", "head", "sort", "tail", "readlink", "dirname", "find", "cat")) {
                for (String dir : List.of("/usr/bin", "/bin")) {
                    Path real = Path.of(dir, tool);
                    if (Files.isExecutable(real)) {
                        Path wrapper = bin.resolve(tool);
                        Files.writeString(wrapper, "#!/bin/sh\nexec " + real + " \"$@\"\n");
                        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
                        break;
                    }
                }
            }
        }
        return bin.toString();
    }

    /** Runs gillab_find_jdk with a PATH that has no java and the fake JVM directory as the only root. */
    private ProcessOutput find(int min, Map<String, String> env) throws IOException {
        String script = ". '" + SCRIPT + "'; gillab_find_jdk " + min;
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", script);
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", toolsOnlyPath());
        pb.environment().put("GILLAB_JDK_ROOTS", tmp.resolve("jvm").toString());
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int rc = p.waitFor();
            return new ProcessOutput(rc, false, out.isEmpty() ? List.of() : List.of(out), 0, 0, "", null, Map.of());
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    @Test
    void picksTheNewestJdkAtLeastTheMinimumWhenDefaultJavaIsOld() throws IOException {
        assertTrue(Files.exists(SCRIPT), "run from the repository root: " + SCRIPT);
        fakeJdk("java-17-openjdk-amd64", "17.0.15");
        fakeJdk("java-21-openjdk-amd64", "21.0.7");
        Path newest = fakeJdk("temurin-25-jdk-amd64", "25.0.3");
        fakeJdk("temurin-25.0.1", "25.0.1");
        ProcessOutput out = find(21, Map.of());
        assertEquals(0, out.exitCode());
        assertEquals(List.of(newest.toString()), out.stdoutLines());
    }

    @Test
    void honoursJavaHomeWhenItIsNewEnough() throws IOException {
        Path jdk21 = fakeJdk("java-21-openjdk-amd64", "21.0.7");
        fakeJdk("temurin-25-jdk-amd64", "25.0.3");
        ProcessOutput out = find(21, Map.of("JAVA_HOME", jdk21.toString()));
        assertEquals(List.of(jdk21.toString()), out.stdoutLines());
    }

    @Test
    void ignoresJavaHomeThatIsTooOld() throws IOException {
        Path jdk17 = fakeJdk("java-17-openjdk-amd64", "17.0.15");
        Path jdk25 = fakeJdk("temurin-25-jdk-amd64", "25.0.3");
        ProcessOutput out = find(21, Map.of("JAVA_HOME", jdk17.toString()));
        assertEquals(List.of(jdk25.toString()), out.stdoutLines());
    }

    @Test
    void failsWhenNoJdkIsNewEnough() throws IOException {
        fakeJdk("java-17-openjdk-amd64", "17.0.15");
        fakeJdk("java-8", "1.8.0_392");
        ProcessOutput out = find(21, Map.of());
        assertEquals(1, out.exitCode());
        assertEquals(List.of(), out.stdoutLines());
    }

    @Test
    void launcherSaysWhatToInstallWhenNoJdkIsFound() throws Exception {
        fakeJdk("java-17-openjdk-amd64", "17.0.15");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", io.gillab.trial.RunFixture.checkout().resolve("gillab").toString(), "--version");
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", toolsOnlyPath());
        pb.environment().put("GILLAB_JDK_ROOTS", tmp.resolve("jvm").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(1, p.waitFor());
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.startsWith("gillab: no JDK 21 or newer found") && out.contains("install"), out);
    }
}
