package io.gillab.runtime.container;

import java.lang.reflect.Field;
import java.util.Properties;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * Testcontainers settings this project needs on machines with no registry and no bridge network:
 * Ryuk off (its reaper image would be pulled from a registry; gillab removes its own containers), no
 * start-up checks (they pull a tiny image too), and the Docker host reached as localhost.
 *
 * <p>The launcher and the test suite set them as environment variables. A JVM started any other way
 * gets Ryuk and the checks switched off here, in memory; nothing is written to the user's
 * {@code ~/.testcontainers.properties}. The host override can only come from the environment.
 */
final class TestcontainersSettings {
    private static boolean applied;

    private TestcontainersSettings() {
    }

    static synchronized void apply() {
        if (applied) {
            return;
        }
        if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            useJvmHookReaper();
        }
        // The start-up checks run a container from a tiny image that would be pulled from a registry.
        set("TESTCONTAINERS_CHECKS_DISABLE", "checks.disable", "true");
        applied = true;
    }

    /**
     * Testcontainers 2.0 reads only the environment variable to disable Ryuk; without it, install the
     * reaper it would use when disabled (removal by JVM shutdown hook) before anything asks for one.
     */
    private static void useJvmHookReaper() {
        try {
            Class<?> reaper = Class.forName("org.testcontainers.utility.ResourceReaper");
            Class<?> hook = Class.forName("org.testcontainers.utility.JVMHookResourceReaper");
            var ctor = hook.getDeclaredConstructor();
            ctor.setAccessible(true);
            Field instance = reaper.getDeclaredField("instance");
            instance.setAccessible(true);
            if (instance.get(null) == null) {
                instance.set(null, ctor.newInstance());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot disable Testcontainers' Ryuk (" + e
                    + "); set TESTCONTAINERS_RYUK_DISABLED=true in the environment (./gillab does)", e);
        }
    }

    /**
     * Null when Testcontainers can reach the daemon's containers, else what to set. It reads the host
     * override from the environment only, and without it looks for a bridge network this daemon lacks.
     */
    static String missingEnvironment() {
        return System.getenv("TESTCONTAINERS_HOST_OVERRIDE") == null
                ? "TESTCONTAINERS_HOST_OVERRIDE is not set (Testcontainers needs it, =localhost, on a daemon with no "
                        + "bridge network); run through ./gillab or ./mvnw, which set it"
                : null;
    }

    private static void set(String env, String key, String value) {
        if (Boolean.parseBoolean(System.getenv(env))) {
            return; // Testcontainers itself reads the variable as a boolean: only "true" counts
        }
        try {
            Field f = TestcontainersConfiguration.class.getDeclaredField("userProperties");
            f.setAccessible(true);
            ((Properties) f.get(TestcontainersConfiguration.getInstance())).setProperty(key, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Refuse rather than let Testcontainers try to pull Ryuk from a registry.
            throw new IllegalStateException("cannot configure Testcontainers (" + e + "); set " + env + "=" + value
                    + " in the environment", e);
        }
    }
}
