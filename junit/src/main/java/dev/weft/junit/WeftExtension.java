package dev.weft.junit;

import dev.weft.agent.start.WeftInProcess;

import java.lang.reflect.Method;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The JUnit Jupiter extension: {@code @ExtendWith(WeftExtension.class)} on a test class.
 *
 * <ul>
 * <li>Loads Weft into the test JVM once (or uses the one {@code -javaagent} started), and instruments
 *     the class's {@link WeftWorkload} methods from its start to its end.</li>
 * <li>Gives each test method that asks for one a {@link WeftRecorder}; each of its runs records on its
 *     own, and leaves no recording behind.</li>
 * <li>Runs see every thread of the JVM, so two cannot overlap. With JUnit's parallel execution on, a
 *     Weft test class must be {@code @Isolated} and run its methods in {@code SAME_THREAD} mode; any
 *     other class is refused before its first test, with that said.</li>
 * </ul>
 * Reports go to {@code target/weft/<test class>/}; the configuration parameter (or system property)
 * {@value #DIR} names another directory.
 */
public final class WeftExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** The configuration parameter naming the directory of the reports. */
    public static final String DIR = "weft.junit.dir";

    static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WeftExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        refuseParallel(context, "the class " + testClass.getName());
        WeftInProcess weft = AgentLoader.weft();
        WeftWorkload workload = testClass.getAnnotation(WeftWorkload.class);
        // a @Nested class without its own filter keeps its enclosing class's: that one is woven already
        if (workload != null && !workload.value().isBlank()) {
            WeftInProcess.Workload woven = weft.weave(workload.value(), testClass.getClassLoader());
            if (!woven.problems().isEmpty()) {
                woven.remove();
                throw new ExtensionConfigurationException("@WeftWorkload on " + testClass.getName() + ": "
                        + String.join("; ", woven.problems()));
            }
            context.getStore(NAMESPACE).put(WeftWorkload.class, woven);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        WeftInProcess.Workload woven = context.getStore(NAMESPACE).remove(WeftWorkload.class, WeftInProcess.Workload.class);
        if (woven != null) {
            woven.remove();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WeftRecorder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        refuseParallel(context, "the test " + context.getRequiredTestClass().getName() + "." + method.getName());
        Class<?> testClass = context.getRequiredTestClass();
        Path root = Path.of(context.getConfigurationParameter(DIR).orElse("target/weft"));
        return new WeftRecorder(testClass, method.getName(), root.resolve(testClass.getName()).toAbsolutePath());
    }

    /** With parallel execution on, only an isolated class running its methods one after the other may record. */
    private static void refuseParallel(ExtensionContext context, String what) {
        boolean parallel = context.getConfigurationParameter(PARALLEL).map(Boolean::parseBoolean).orElse(false);
        if (!parallel) {
            return;
        }
        boolean isolated = false;
        for (Class<?> c = context.getRequiredTestClass(); c != null && !isolated; c = c.getEnclosingClass()) {
            isolated = c.isAnnotationPresent(Isolated.class);
        }
        if (!isolated || context.getExecutionMode() != ExecutionMode.SAME_THREAD) {
            throw new ExtensionConfigurationException("Weft records " + what + " through the whole JVM, so its runs cannot "
                    + "share the JVM with tests running at the same time, and JUnit's parallel execution is on ("
                    + PARALLEL + "=true): annotate the class with @Isolated and @Execution(ExecutionMode.SAME_THREAD), "
                    + "or turn parallel execution off");
        }
    }
}
