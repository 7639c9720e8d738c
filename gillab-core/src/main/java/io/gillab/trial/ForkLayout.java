package io.gillab.trial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.results.ResultsFile;
import java.util.Map;

/**
 * What one fork (process) of a trial randomises, drawn from the run's layout seed: the size of its
 * environment and, in the driver, the order of the thread counts in each warm-up round. A process's
 * layout (where its stack and heap start, how its code is aligned) can move its times by tens of
 * percent (Mytkowicz et al., "Producing Wrong Data Without Doing Anything Obviously Wrong!", ASPLOS
 * 2009, found environment size alone enough); varying it per fork puts that bias into the between-fork
 * variance instead of fixing one arbitrary layout for the whole run.
 *
 * <p>Everything is a pure function of (run seed, trial id, fork), so the recorded seed reproduces it;
 * the arithmetic is spelled out (splitmix64) rather than taken from a JDK generator whose algorithm is
 * not specified across versions.
 *
 * @param fork        the fork's index in its trial
 * @param seed        the fork's own seed (&gt;= 0), passed to the driver as {@code --layout-seed}
 * @param envPadBytes length of {@value #ENV_PAD_VAR}, set in the process's environment (0..{@value #MAX_ENV_PAD})
 */
public record ForkLayout(int fork, long seed, int envPadBytes) {
    /** The variable that pads the environment; the driver reports the length it sees. */
    public static final String ENV_PAD_VAR = "GILLAB_ENV_PAD";
    /** Mytkowicz et al. varied the environment over 0-4 KiB: a page, so every stack alignment occurs. */
    public static final int MAX_ENV_PAD = 4096;

    public static ForkLayout of(long runSeed, String trialId, int fork) {
        // String.hashCode is specified, so the trial's share of the seed is the same on every JVM.
        long seed = mix64(mix64(runSeed ^ trialId.hashCode()) + fork) & Long.MAX_VALUE;
        int pad = (int) Long.remainderUnsigned(mix64(seed ^ 0x5bd1e995L), MAX_ENV_PAD + 1);
        return new ForkLayout(fork, seed, pad);
    }

    /** The environment variables to add to the fork's process (or container). */
    public Map<String, String> env() {
        return Map.of(ENV_PAD_VAR, "x".repeat(envPadBytes));
    }

    /**
     * The fork's {@code layout} in results.jsonl: what gillab chose, then what the driver's
     * {@code layout} record says it did (warm-up orders, which thread timed 1-thread samples, the pad it saw).
     */
    public static JsonNode record(int fork, ForkLayout layout, JsonNode driverLayout) {
        ObjectNode o = ResultsFile.json().createObjectNode();
        o.put("fork", fork);
        if (layout != null) {
            o.put("seed", layout.seed());
            o.put("env_pad_bytes", layout.envPadBytes());
        }
        if (driverLayout != null) {
            driverLayout.properties().forEach(e -> {
                if (!e.getKey().equals("gillab") && !e.getKey().equals("record") && !o.has(e.getKey())) {
                    o.set(e.getKey(), e.getValue());
                }
            });
        }
        return o;
    }

    /** splitmix64's finaliser: every input bit moves every output bit. */
    static long mix64(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
