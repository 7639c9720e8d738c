package io.gillab.api;

/**
 * gillab from Java code, in the manner of JMH's {@code new Runner(new OptionsBuilder()...)}:
 *
 * <pre>{@code
 * RunResults r = Gillab.run()
 *         .runtimes("jython", "graalpy", "cpython")
 *         .workloads("countdown", "my_probe")
 *         .path(Path.of("src/test/python"))
 *         .quick()
 *         .out(Path.of("target/gillab"))
 *         .execute();
 * TrialResult t = r.trial("countdown", "jython");
 * }</pre>
 */
public final class Gillab {
    private Gillab() {
    }

    /** A new run, with {@code ./gillab run}'s defaults until told otherwise. */
    public static GillabRun run() {
        return new GillabRun();
    }
}
