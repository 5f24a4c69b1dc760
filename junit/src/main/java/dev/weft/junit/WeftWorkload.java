package dev.weft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The methods that are the work of the code under test, in the JDK's method-tracing filter syntax
 * (JEP 520), as the agent's {@code workload=} option: {@code com.example.Foo} (every method),
 * {@code com.example.Foo::bar}, {@code ::bar} (that method in any application class),
 * {@code @com.example.Traced} (annotated methods); entries separated by {@code ;}. Each call becomes a
 * workload span, and a run's speed-up is their time summed over threads, divided by the run's wall time.
 *
 * <p>The methods are instrumented from the test class's start to its end, then given their own code back.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WeftWorkload {

    /** The filter: class or method, entries separated by {@code ;}. */
    String value();
}
