package io.gillab.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose tests run Python code on gillab's runtimes:
 *
 * <pre>{@code
 * @GillabTest(runtimes = {"jython", "graalpy", "cpython"}, path = "src/test/python",
 *         workloads = {"my_loop", "my_probe"}, expectations = "src/test/resources/expectations.yaml")
 * class MyPythonTest {
 *     @OnEachRuntime
 *     void probeAnswers(RuntimeChoice runtime, GillabSession gillab) {
 *         assertThat(gillab.trial("my_probe", runtime)).value("answer").isEqualTo(42);
 *     }
 *
 *     @TestFactory
 *     Stream<DynamicNode> table(GillabSession gillab) {
 *         return gillab.expectationTests();
 *     }
 * }
 * }</pre>
 *
 * <p>{@code -Dgillab.runtimes=jython,cpython:3.13} (or {@code GILLAB_RUNTIMES}) overrides {@link #runtimes()}
 * for a whole build. The trials of a class go to {@code <out>/<class name>/} with report.html beside them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GillabExtension.class)
public @interface GillabTest {
    /** Runtime names as {@code ./gillab run --python} takes them; cpython and pypy expand to the local images. */
    String[] runtimes() default {"jython", "graalpy", "cpython", "pypy"};

    /** The workloads and probes the class's tests use: each runtime runs them together, once. */
    String[] workloads() default {};

    /** Folders of the project's own workloads and probes, relative to the working folder (Maven: the module). */
    String[] path() default {};

    /**
     * The project's expectations table (the format of gillab's {@code expectations.yaml}): a file relative to
     * the working folder, else a class path resource; empty: gillab's own table.
     */
    String expectations() default "";

    /** One process per trial and few samples (the command line's {@code --quick}); false: the default preset. */
    boolean quick() default true;

    /** Thread counts of the workloads. */
    int[] threads() default {1, 2};

    /** Where trials and reports go, relative to the working folder. */
    String out() default "target/gillab";

    /** The longest one trial may take, in seconds. */
    long timeoutSeconds() default 240;
}
