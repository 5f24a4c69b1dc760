package dev.weft.agent.weave.advice;

import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** The JDK HTTP server's dispatcher loop: its selects wait for the next request, so they are {@code idle}. */
public final class DispatchLoopAdvice {

    private DispatchLoopAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        Waits.dispatchLoop(true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit() {
        Waits.dispatchLoop(false);
    }
}
