package dev.weft.agent.weave.advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds the wait kind ("lock", "queue" …) into {@link ApiWaitAdvice}, one constant per transformation. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface WaitKind { }
