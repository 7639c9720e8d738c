package io.gillab.junit;

import io.gillab.api.RuntimeChoice;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@link GillabTest} and {@link OnEachRuntime} register: one {@link GillabSession} per test class (closed,
 * and its reports written, when the class is done), given to any test parameter of that type, and the
 * invocations of an {@link OnEachRuntime} test, one per runtime.
 */
public final class GillabExtension implements ParameterResolver, TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GillabExtension.class);

    /** The session of the test class {@code context} belongs to. */
    static GillabSession session(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        GillabTest config = AnnotationSupport.findAnnotation(testClass, GillabTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName()
                        + " uses gillab (a GillabSession parameter or @OnEachRuntime) without @GillabTest on the class"));
        ExtensionContext classContext = context;
        while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> new ClosingSession(
                new GillabSession(config, testClass)), ClosingSession.class).session;
    }

    /**
     * Closes the session with its class's store, when the class is done: JUnit 5.13+ closes an AutoCloseable
     * value, older versions a CloseableResource (either way once).
     */
    @SuppressWarnings("deprecation")
    private record ClosingSession(GillabSession session) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws java.io.IOException {
            session.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GillabSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return session(context);
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, OnEachRuntime.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return session(context).runtimes().stream().map(OnRuntime::new);
    }

    /** One invocation of an {@link OnEachRuntime} test: named by its runtime, skipped where it cannot run. */
    private record OnRuntime(RuntimeChoice runtime) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + runtime.id() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
                    return p.getParameter().getType() == RuntimeChoice.class;
                }

                @Override
                public Object resolveParameter(ParameterContext p, ExtensionContext c) {
                    return runtime;
                }
            }, (BeforeEachCallback) c -> {
                if (!runtime.available()) {
                    Assumptions.abort(runtime.id() + " not available: " + runtime.unavailable());
                }
            });
        }
    }
}
