package io.gillab.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test repeated on each runtime of its {@link GillabTest} class, named {@code [jython]},
 * {@code [cpython:3.13]}, ...; it takes the runtime as a {@link io.gillab.api.RuntimeChoice} parameter. On a
 * runtime that cannot run here the test is skipped with the reason (an assumption), never passed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(GillabExtension.class)
public @interface OnEachRuntime {
}
