package dev.weft.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that runs one numbered scenario.
 *
 * <p>The jar manifest names this annotation in {@code Weft-Workload}, so the Weft agent records each
 * call of an annotated method as a top-level workload span on the thread that runs it ({@code main}):
 * the phases of the report. Retained at run time so that tools can find it by reflection too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Scenario {

    /** A short human label such as {@code "2 concurrent"}; tools may fall back to the method's name. */
    String value() default "";
}
