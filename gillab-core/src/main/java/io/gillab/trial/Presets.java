package io.gillab.trial;

import io.gillab.runtime.PythonRuntime;

/**
 * How much measuring a run does, per kind of runtime. JIT runtimes (Jython on the JVM's JIT, GraalPy,
 * PyPy) get more warm-up and more samples per process; interpreters get more processes (pyperf's
 * defaults: 20 processes x 3 values for CPython, 6 x 10 with 10 warm-ups for JIT runtimes).
 *
 * <ul>
 *   <li>{@code quick}: for CI and the test suite — one process, few samples.</li>
 *   <li>{@code default}: a few processes, enough for confidence intervals on a quiet machine.</li>
 *   <li>{@code rigorous}: for publication — pyperf's process counts.</li>
 * </ul>
 */
public final class Presets {
    private Presets() {
    }

    /** Samples, warm-up rounds and processes for one runtime. */
    public record PerRuntime(int forks, int samples, int warmups) {
    }

    /**
     * A preset plus the user's overrides (null = the preset's value).
     *
     * @param name       quick, default or rigorous
     * @param size       work units per sample, or null to calibrate
     * @param minSeconds calibration target per single-threaded sample
     * @param scaling    strong or weak
     * @param jitWaitSeconds before each sample in a worker JVM, the longest wait for idle JIT compilers
     *                   (0: none; see driver.py --jit-wait and io.gillab.worker.JitQuiet)
     * @param oneThreadOn where a 1-thread sample runs: {@value #WORKER} (a new thread, as the N-thread samples)
     *                   or {@value #MAIN} (the interpreter's main thread, as pyperf); driver.py --one-thread-on.
     *                   Runs recorded before it existed (null) ran on a worker.
     * @param target     measure until a confidence interval is this narrow, or null: the preset's forks only
     */
    public record Measurement(String name, Integer forks, Integer samples, Integer warmups, Long size,
            double minSeconds, String scaling, double jitWaitSeconds, String oneThreadOn,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Target target) {

        public static final String WORKER = io.gillab.model.Sample.TIMED_ON_WORKER;
        public static final String MAIN = "main";

        public Measurement {
            oneThreadOn = oneThreadOn == null ? WORKER : oneThreadOn;
        }

        public Measurement(String name, Integer forks, Integer samples, Integer warmups, Long size,
                double minSeconds, String scaling, double jitWaitSeconds, String oneThreadOn) {
            this(name, forks, samples, warmups, size, minSeconds, scaling, jitWaitSeconds, oneThreadOn, null);
        }

        public Measurement withTarget(Target t) {
            return new Measurement(name, forks, samples, warmups, size, minSeconds, scaling, jitWaitSeconds,
                    oneThreadOn, t);
        }

        /** With the default wait for idle JIT compilers ({@value #DEFAULT_JIT_WAIT_SECONDS} s). */
        public Measurement(String name, Integer forks, Integer samples, Integer warmups, Long size,
                double minSeconds, String scaling) {
            this(name, forks, samples, warmups, size, minSeconds, scaling, DEFAULT_JIT_WAIT_SECONDS);
        }

        /** 1-thread samples on a worker thread. */
        public Measurement(String name, Integer forks, Integer samples, Integer warmups, Long size,
                double minSeconds, String scaling, double jitWaitSeconds) {
            this(name, forks, samples, warmups, size, minSeconds, scaling, jitWaitSeconds, WORKER);
        }

        public PerRuntime forRuntime(PythonRuntime rt) {
            PerRuntime base = base(name, rt.isJit(), rt.defaultWarmups());
            return new PerRuntime(forks != null ? forks : base.forks(), samples != null ? samples : base.samples(),
                    warmups != null ? warmups : base.warmups());
        }
    }

    /**
     * Measure until the 95% interval of every thread count's median is within {@code halfWidth} of it
     * (relative: 0.05 = ±5%), adding forks (at least 2: the variance between processes needs two) up to
     * {@code maxForks}; where the variance lies within forks, later forks take twice the rounds, up to
     * {@code maxSamples}.
     */
    public record Target(double halfWidth, int maxForks, int maxSamples) {
        public Target {
            if (!(halfWidth > 0 && halfWidth < 1)) {
                throw new IllegalArgumentException("the target half-width must be between 0 and 100%, got "
                        + halfWidth * 100 + "%");
            }
            if (maxForks < 2) {
                throw new IllegalArgumentException("a target needs at least 2 forks (the variance between processes"
                        + " needs two), got a maximum of " + maxForks);
            }
        }
    }

    /** The driver's default --jit-wait: GraalPy's waits measured here were 0.03-2.8 s. */
    public static final double DEFAULT_JIT_WAIT_SECONDS = 3.0;

    public static Measurement defaults() {
        return new Measurement("default", null, null, null, null, 0.2, "strong");
    }

    static PerRuntime base(String preset, boolean jit, int runtimeWarmups) {
        return switch (preset) {
            case "quick" -> new PerRuntime(1, 5, runtimeWarmups);
            case "rigorous" -> jit ? new PerRuntime(6, 10, Math.max(10, runtimeWarmups))
                    : new PerRuntime(20, 3, runtimeWarmups);
            default -> jit ? new PerRuntime(2, 6, runtimeWarmups) : new PerRuntime(3, 4, runtimeWarmups);
        };
    }
}
